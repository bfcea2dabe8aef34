import RISCV

/// What handling one trap decided for the task that took it.
enum TrapEvent: Equatable {
    /// Go on: the registers are fixed up (or a signal is now pending for the fault).
    case resume
    /// The ecall waits; pc stays on it, and it runs again when the condition holds.
    indirect case block(WaitCondition)
    /// exit/exit_group.
    case exited(code: Int64)
    /// The process dies of `signal`; `kill` is why, and the first process's kill line.
    case killed(Kill, signal: UInt64)
}

extension Process {
    /// Handles one trap from U-mode (seed: the trap handler).
    ///
    /// - ecall: the syscall table; a0 gets the result and pc moves past the ecall, unless the call
    ///   blocks (pc stays) or set the registers itself (execve, rt_sigreturn).
    /// - page faults: `PageFaultHandler`; the instruction is retried.
    /// - faults the handler cannot resolve, illegal instructions and ebreak raise SIGSEGV, SIGBUS,
    ///   SIGILL or SIGTRAP: to the guest's handler when one is installed and the signal is not
    ///   blocked, else the kill of before (139, 132, 133).
    func handle(_ trap: Trap) -> TrapEvent {
        if trace.contains(.traps) { traceSink.write(Process.traceLine(for: trap)) }
        switch trap.code {
        case .environmentCallFromU:
            let number = hart.register(Register.a7)
            if let kill = debugger?.syscallEntry(number) { return .killed(Kill(reason: .debugger, message: kill), signal: Signal.kill) }
            switch SyscallTable.dispatch(self) {
            case .value(let value):
                hart.setRegister(Register.a0, UInt64(bitPattern: value))
                hart.pc = trap.pc &+ 4
                if let kill = debugger?.syscallServed(number, result: UInt64(bitPattern: value)) {
                    return .killed(Kill(reason: .debugger, message: kill), signal: Signal.kill)
                }
                return .resume
            case .valueThenBlock(let value, let condition):
                hart.setRegister(Register.a0, UInt64(bitPattern: value))
                hart.pc = trap.pc &+ 4
                if let kill = debugger?.reportPending() { return .killed(Kill(reason: .debugger, message: kill), signal: Signal.kill) }
                return .block(condition)
            case .block(let condition):
                return .block(condition)
            case .registersSet:
                if let kill = debugger?.reportPending() { return .killed(Kill(reason: .debugger, message: kill), signal: Signal.kill) }
                return .resume
            case .exit(let code):
                return .exited(code: code)
            case .kill(let kill):
                return .killed(kill, signal: kill.reason.signal)
            }
        case .instructionPageFault, .loadPageFault, .storePageFault:
            let access: MemoryAccess = trap.code == .instructionPageFault ? .fetch : trap.code == .loadPageFault ? .load : .store
            guard let kill = takePageFault(address: trap.value, access: access, pc: trap.pc) else { return .resume }
            let code: Int32 = addressSpace.region(containing: trap.value) == nil ? 1 : 2
            return raise(kill, SignalInfo(signal: kill.reason.signal, code: code, address: trap.value, isFault: true))
        case .illegalInstruction:
            let width = trap.value & 3 == 3 ? 8 : 4
            let bits = String(trap.value, radix: 16)
            let padded = String(repeating: "0", count: max(0, width - bits.count)) + bits
            let kill = Kill(reason: .illegalInstruction, message: "illegal instruction 0x\(padded) (pc \(hex(trap.pc)))")
            return raise(kill, SignalInfo(signal: Signal.illegalInstruction, code: 1, address: trap.pc, isFault: true))
        case .breakpoint:
            let kill = Kill(reason: .breakpoint, message: "breakpoint (pc \(hex(trap.pc))): ebreak with no debugger attached")
            return raise(kill, SignalInfo(signal: Signal.trap, code: 1, address: trap.pc, isFault: true))
        case .instructionAccessFault, .loadAccessFault, .storeAccessFault:
            let kill = Kill(reason: .memoryFault, message: "\(trap.code) at \(hex(trap.value)) (pc \(hex(trap.pc))): outside guest memory")
            return raise(kill, SignalInfo(signal: Signal.segmentationFault, code: 2, address: trap.value, isFault: true))
        case .instructionAddressMisaligned, .loadAddressMisaligned, .storeAddressMisaligned:
            let kill = Kill(reason: .memoryFault, message: "\(trap.code) at \(hex(trap.value)) (pc \(hex(trap.pc))): not aligned for the access")
            return raise(kill, SignalInfo(signal: Signal.busError, code: 1, address: trap.value, isFault: true))
        case .environmentCallFromS, .environmentCallFromM:
            let kill = Kill(reason: .illegalInstruction, message: "\(trap.code) (pc \(hex(trap.pc))): not from user mode")
            return .killed(kill, signal: Signal.illegalInstruction)
        }
    }

    /// A synchronous fault: posted to the guest's handler for `info.signal` when one is installed
    /// and the signal is not blocked (the faulting instruction runs again after the handler
    /// returns), else the kill. Running out of RAM is never caught (SIGKILL).
    private func raise(_ kill: Kill, _ info: SignalInfo) -> TrapEvent {
        guard kill.reason != .outOfMemory, signals.action(info.signal).isHandler,
              signals.mask & SignalState.bit(info.signal) == 0 else { return .killed(kill, signal: kill.reason.signal) }
        post(info)
        return .resume
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
