/// sigaltstack, recorded in `TaskState`, and rt_sigreturn, the end of every handler. The other
/// signal calls are in SignalSyscalls and SignalWaitSyscalls.
enum SignalStackSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(132, "sigaltstack", [.hex, .hex], sigaltstack),
        SyscallDefinition(139, "rt_sigreturn", [], rtSigreturn),
    ]

    /// sigaltstack(ss, old_ss): returns the old stack in `old_ss` and records `ss`; SS_DISABLE
    /// clears it. `-EINVAL` for flags other than 0, SS_ONSTACK or SS_DISABLE (each with or
    /// without SS_AUTODISARM), `-ENOMEM` for a stack below MINSIGSTKSZ (2048), `-EFAULT` for bad
    /// pointers (a bad `ss` changes nothing).
    static func sigaltstack(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        typealias Stack = TaskState.AlternateStack
        let old = process.task.alternateStack
        if a[0] != 0 {
            let bytes = try process.copyInArgument(from: a[0], count: Stack.byteSize)
            let flags = UInt32(truncatingIfNeeded: GuestBytes.word(bytes, at: 8))
            let mode = flags & ~Stack.autoDisarm
            guard mode == 0 || mode == Stack.onStack || mode == Stack.disabled else { return .error(.EINVAL) }
            if mode == Stack.disabled {
                process.task.alternateStack = Stack()
            } else {
                let size = GuestBytes.word(bytes, at: 16)
                guard size >= Stack.minimumSize else { return .error(.ENOMEM) }
                process.task.alternateStack = Stack(base: GuestBytes.word(bytes, at: 0), flags: flags & Stack.autoDisarm, size: size)
            }
        }
        if a[1] != 0 { try process.copyOutArgument(old.bytes, to: a[1]) }
        return .value(0)
    }

    /// rt_sigreturn(): restores the registers, fcsr, pc and mask saved in the `rt_sigframe` at sp
    /// (`SignalFrame`), and the alternate stack it recorded. A frame that cannot be read kills
    /// the process with SIGSEGV, as Linux does.
    static func rtSigreturn(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let hart = process.hart
        let frame = hart.register(Register.sp)
        guard case .success(let context) = process.copyIn(from: frame &+ SignalFrame.contextOffset, count: SignalFrame.contextSize) else {
            return .kill(Kill(reason: .memoryFault, message: "bad signal frame at \(hex(frame)) (pc \(hex(hart.pc)))"))
        }
        let mask = SignalFrame.restore(context, into: hart)
        process.signals.mask = mask & ~Signal.unblockable
        let stack = SignalFrame.stackOffset
        let flags = UInt32(truncatingIfNeeded: GuestBytes.word(context, at: stack + 8))
        if flags & TaskState.AlternateStack.disabled == 0, flags & TaskState.AlternateStack.onStack == 0,
           GuestBytes.word(context, at: stack + 16) >= TaskState.AlternateStack.minimumSize {
            process.task.alternateStack = TaskState.AlternateStack(base: GuestBytes.word(context, at: stack),
                                                                   flags: flags, size: GuestBytes.word(context, at: stack + 16))
        }
        return .registersSet
    }
}
