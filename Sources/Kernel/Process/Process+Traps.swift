import RISCV

extension Process {
    /// Handles one trap from U-mode. Returns nil to resume (the hart's state is fixed up), or how
    /// the process ended.
    ///
    /// - ecall: the syscall table; a0 gets the result and pc moves past the ecall.
    /// - page faults: `PageFaultHandler`; the instruction is retried.
    /// - access faults and misaligned accesses: killed, 139; illegal instructions: 132; ebreak: 133.
    func handle(_ trap: Trap) -> ExitOutcome? {
        if trace.contains(.traps) { traceSink.write(Process.traceLine(for: trap)) }
        let kill: Kill
        switch trap.code {
        case .environmentCallFromU:
            let number = hart.register(17)
            if let kill = debugger?.syscallEntry(number) { return .killed(.debugger, message: kill) }
            switch SyscallTable.dispatch(self) {
            case .value(let value):
                hart.setRegister(10, UInt64(bitPattern: value))
                hart.pc = trap.pc &+ 4
                if let kill = debugger?.syscallServed(number, result: UInt64(bitPattern: value)) {
                    return .killed(.debugger, message: kill)
                }
                return nil
            case .exit(let code):
                return .exited(code: code)
            case .kill(let k):
                kill = k
            }
        case .instructionPageFault, .loadPageFault, .storePageFault:
            let access: MemoryAccess = trap.code == .instructionPageFault ? .fetch : trap.code == .loadPageFault ? .load : .store
            guard let k = takePageFault(address: trap.value, access: access, pc: trap.pc) else { return nil }
            kill = k
        case .illegalInstruction:
            let width = trap.value & 3 == 3 ? 8 : 4
            let bits = String(trap.value, radix: 16)
            let padded = String(repeating: "0", count: max(0, width - bits.count)) + bits
            kill = Kill(reason: .illegalInstruction, message: "illegal instruction 0x\(padded) (pc \(hex(trap.pc)))")
        case .breakpoint:
            kill = Kill(reason: .breakpoint, message: "breakpoint (pc \(hex(trap.pc))): ebreak with no debugger attached")
        case .instructionAccessFault, .loadAccessFault, .storeAccessFault:
            kill = Kill(reason: .memoryFault, message: "\(trap.code) at \(hex(trap.value)) (pc \(hex(trap.pc))): outside guest memory")
        case .instructionAddressMisaligned, .loadAddressMisaligned, .storeAddressMisaligned:
            kill = Kill(reason: .memoryFault, message: "\(trap.code) at \(hex(trap.value)) (pc \(hex(trap.pc))): not aligned for the access")
        case .environmentCallFromS, .environmentCallFromM:
            kill = Kill(reason: .illegalInstruction, message: "\(trap.code) (pc \(hex(trap.pc))): not from user mode")
        }
        return .killed(kill.reason, message: kill.message)
    }

    /// `trap: ecall pc=0x10078`, `trap: load page fault 0x0 pc=0x1040c`, `trap: illegal instruction 0x0 pc=0x10080`.
    static func traceLine(for trap: Trap) -> String {
        switch trap.code {
        case .environmentCallFromU: return "trap: ecall pc=\(hex(trap.pc))"
        case .breakpoint: return "trap: ebreak pc=\(hex(trap.pc))"
        default: return "trap: \(trap.code) \(hex(trap.value)) pc=\(hex(trap.pc))"
        }
    }
}
