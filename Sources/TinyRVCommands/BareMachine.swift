import ELF
import Kernel
import RISCV
import Glibc

/// A bare-metal machine: RAM at 0x8000_0000, one hart starting in M-mode at the ELF entry with
/// architectural trap delivery, a CLINT at 0x0200_0000 (msip, mtimecmp, mtime; mtime advances
/// once every `Hart.instructionsPerTick` retired instructions) and an HTIF `tohost`/`fromhost` pair.
///
/// The program ends when it writes a value `v` to `tohost`: the run stops with status `v >> 1`
/// (so 1 is success, `(n << 1) | 1` is failure n). A value whose top 16 bits are 0x0101 (device 1,
/// command 1) is a console character instead: it is printed, acknowledged through `fromhost` when
/// that symbol exists, and the run goes on.
struct BareMachine {
    enum LoadError: Error, CustomStringConvertible {
        case noToHost
        case segmentOutsideRAM(index: Int, address: UInt64, size: UInt64)

        var description: String {
            switch self {
            case .noToHost:
                return "bare-metal program defines no 'tohost' symbol, so it could never report a result"
            case let .segmentOutsideRAM(index, address, size):
                return "segment \(index) at physical 0x\(hex(address)) (+0x\(hex(size))) lies outside RAM; try a larger --memory"
            }
        }
    }

    enum Outcome: Equatable {
        case exited(status: Int32)
        case budgetExhausted
        /// The debugger ended the run; the message follows `tinyrv: killed: `.
        case killed(String)
        /// A wfi found nothing that could ever wake the hart; pc is at the wfi.
        case waitsForever
    }

    let hart: Hart
    let tohost: UInt64
    let fromhost: UInt64?

    /// Loads every PT_LOAD segment at its physical address. Throws `LoadError` when the program has
    /// no `tohost` or a segment does not fit in RAM.
    init(elf: ELFFile, memorySize: UInt64) throws {
        guard let tohost = elf.symbol(named: "tohost") else { throw LoadError.noToHost }
        let memory = try PhysicalMemory(size: memorySize)
        for (index, segment) in elf.segments.enumerated() {
            guard memory.contains(segment.physicalAddress, length: max(segment.memorySize, 1)) else {
                throw LoadError.segmentOutsideRAM(index: index, address: segment.physicalAddress, size: segment.memorySize)
            }
            memory.write(segment.bytes, at: segment.physicalAddress)
        }
        guard memory.contains(tohost, length: 8) else {
            throw LoadError.segmentOutsideRAM(index: -1, address: tohost, size: 8)
        }
        hart = Hart(memory: memory, delivery: .architectural)
        hart.privilege = .machine
        hart.pc = elf.entry
        hart.tohostAddress = tohost
        hart.hasCLINT = true
        self.tohost = tohost
        fromhost = elf.symbol(named: "fromhost").flatMap { memory.contains($0, length: 8) ? $0 : nil }
    }

    /// Runs until the program reports through `tohost`, `maxInstructions` retire or the debugger
    /// (which gets its stops between `hart.run` calls) ends the run.
    func run(maxInstructions: UInt64?, debugger: DebugSession? = nil) -> Outcome {
        let outcome = runUntilExit(maxInstructions: maxInstructions, debugger: debugger)
        switch outcome {
        case .exited(let status): debugger?.exited(.exited(code: Int64(status)))
        case .budgetExhausted: debugger?.exited(.budgetExhausted)
        case .killed(let message): debugger?.exited(.killed(.debugger, message: message))
        case .waitsForever: debugger?.exited(.exited(code: Int64(ExitStatus.waitsForever)))
        }
        return outcome
    }

    private func runUntilExit(maxInstructions: UInt64?, debugger: DebugSession?) -> Outcome {
        var remaining = maxInstructions ?? UInt64.max
        if let kill = debugger?.start() { return .killed(kill) }
        while true {
            let before = hart.instructionsRetired
            let stop = hart.run(maxInstructions: debugger?.budget(upTo: remaining) ?? remaining)
            remaining -= min(remaining, hart.instructionsRetired - before)
            switch stop {
            case .tohost(let value) where value >> 48 == 0x0101:
                putConsoleCharacter(UInt8(truncatingIfNeeded: value))
            case .tohost(let value):
                return .exited(status: Self.status(forToHost: value))
            case .budgetExhausted:
                if hart.waitsForever { return .waitsForever }
                if remaining == 0 || debugger == nil { return .budgetExhausted }
            case .trigger:
                break
            case .trap(let trap):
                preconditionFailure("architectural delivery returned a trap: \(trap)")
            }
            if let kill = debugger?.ran(stop) { return .killed(kill) }
        }
    }

    /// `v >> 1` as an exit status; a failure whose number is a multiple of 256 still fails (status 255).
    static func status(forToHost value: UInt64) -> Int32 {
        let code = value >> 1
        if code == 0 { return 0 }
        let low = Int32(truncatingIfNeeded: code & 0xff)
        return low == 0 ? 255 : low
    }

    private func putConsoleCharacter(_ byte: UInt8) {
        var b = byte
        _ = Glibc.write(1, &b, 1)
        hart.memory.store(UInt64(0), at: tohost)
        if let fromhost { hart.memory.store(UInt64(0x0101) << 48 | 1, at: fromhost) }
    }
}

func hex(_ value: UInt64) -> String { String(value, radix: 16) }
