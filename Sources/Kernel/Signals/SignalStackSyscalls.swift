/// sigaltstack, recorded in `TaskState`, and rt_sigreturn, which has nothing to return from
/// because no handler ever runs (`-ENOSYS`). The other signal calls are in SignalSyscalls.
enum SignalStackSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(132, "sigaltstack", [.hex, .hex], sigaltstack),
        SyscallDefinition(139, "rt_sigreturn", []) { _, _ in .error(.ENOSYS) },
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
}
