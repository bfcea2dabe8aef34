/// rt_sigaction, rt_sigprocmask and sigaltstack (recorded in `TaskState`, never acted on), and
/// kill, tkill and tgkill, which only reach the process itself (`Signal.sendToSelf`).
enum SignalSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(134, "rt_sigaction", [.decimal, .hex, .hex, .decimal], rtSigaction),
        SyscallDefinition(135, "rt_sigprocmask", [.decimal, .hex, .hex, .decimal], rtSigprocmask),
        SyscallDefinition(132, "sigaltstack", [.hex, .hex], sigaltstack),
        SyscallDefinition(129, "kill", [.decimal, .decimal], kill),
        SyscallDefinition(130, "tkill", [.decimal, .decimal], tkill),
        SyscallDefinition(131, "tgkill", [.decimal, .decimal, .decimal], tgkill),
        SyscallDefinition(139, "rt_sigreturn", []) { _, _ in .error(.ENOSYS) },
    ]

    /// The only sigset size riscv64 Linux accepts.
    static let signalSetSize: UInt64 = 8
    /// rt_sigprocmask's SIG_BLOCK, SIG_UNBLOCK and SIG_SETMASK.
    static let block: UInt64 = 0, unblock: UInt64 = 1, setMask: UInt64 = 2

    /// rt_sigaction(sig, act, oact, sigsetsize): returns the old action in `oact` and records
    /// `act` (SIGKILL and SIGSTOP are removed from its mask). `-EINVAL` for a sigsetsize other
    /// than 8, a signal outside 1...64, or a new action for SIGKILL or SIGSTOP; `-EFAULT` for bad
    /// pointers (a bad `act` changes nothing).
    static func rtSigaction(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[3] == signalSetSize else { return .error(.EINVAL) }
        let signal = a[0] & 0xFFFF_FFFF
        var new: TaskState.SignalAction?
        if a[1] != 0 { new = TaskState.SignalAction(bytes: try process.copyInArgument(from: a[1], count: TaskState.SignalAction.size)) }
        guard (1...UInt64(Signal.count)).contains(signal) else { return .error(.EINVAL) }
        guard new == nil || (signal != Signal.kill && signal != Signal.stop) else { return .error(.EINVAL) }
        let old = process.task.actions[Int(signal) - 1]
        if var new {
            new.mask &= ~Signal.unblockable
            process.task.actions[Int(signal) - 1] = new
        }
        if a[2] != 0 { try process.copyOutArgument(old.bytes, to: a[2]) }
        return .value(0)
    }

    /// rt_sigprocmask(how, set, oset, sigsetsize): returns the old mask in `oset` and applies
    /// `set` by SIG_BLOCK, SIG_UNBLOCK or SIG_SETMASK (SIGKILL and SIGSTOP stay unblocked).
    /// `-EINVAL` for a sigsetsize other than 8 or another `how` with a set, `-EFAULT` for bad pointers.
    static func rtSigprocmask(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[3] == signalSetSize else { return .error(.EINVAL) }
        let old = process.task.blocked
        if a[1] != 0 {
            let set = LittleEndian.word(try process.copyInArgument(from: a[1], count: 8), at: 0)
            switch a[0] & 0xFFFF_FFFF {
            case block: process.task.blocked = old | set
            case unblock: process.task.blocked = old & ~set
            case setMask: process.task.blocked = set
            default: return .error(.EINVAL)
            }
            process.task.blocked &= ~Signal.unblockable
        }
        if a[2] != 0 { try process.copyOutArgument(LittleEndian.bytes(old), to: a[2]) }
        return .value(0)
    }

    /// sigaltstack(ss, old_ss): returns the old stack in `old_ss` and records `ss`. SS_DISABLE
    /// clears it. `-EINVAL` for flags other than 0, SS_ONSTACK or SS_DISABLE (with SS_AUTODISARM),
    /// `-ENOMEM` for a stack below MINSIGSTKSZ (2048), `-EFAULT` for bad pointers.
    static func sigaltstack(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        typealias Stack = TaskState.AlternateStack
        let old = process.task.alternateStack
        if a[0] != 0 {
            let bytes = try process.copyInArgument(from: a[0], count: Stack.byteSize)
            let flags = UInt32(truncatingIfNeeded: LittleEndian.word(bytes, at: 8))
            let mode = flags & ~Stack.autoDisarm
            guard mode == 0 || mode == Stack.onStack || mode == Stack.disabled else { return .error(.EINVAL) }
            if mode == Stack.disabled {
                process.task.alternateStack = Stack()
            } else {
                let size = LittleEndian.word(bytes, at: 16)
                guard size >= Stack.minimumSize else { return .error(.ENOMEM) }
                process.task.alternateStack = Stack(base: LittleEndian.word(bytes, at: 0), flags: flags & Stack.autoDisarm, size: size)
            }
        }
        if a[1] != 0 { try process.copyOutArgument(old.bytes, to: a[1]) }
        return .value(0)
    }

    /// kill(pid, sig): pid 0, the process's own pid or its group (-pid) reach the process itself;
    /// any other pid, and -1 (every process but the caller), finds no process: `-ESRCH`.
    /// `-EINVAL` for a signal outside 0...64; signal 0 only checks the pid.
    static func kill(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let pid = Int64(Int32(truncatingIfNeeded: a[0]))
        let signal = try validSignal(a[1])
        guard pid == 0 || pid == Process.processID || pid == -Process.processID else { return .error(.ESRCH) }
        return signal == 0 ? .value(0) : Signal.sendToSelf(signal, task: process.task)
    }

    /// tkill(tid, sig): `-EINVAL` for tid <= 0 or a bad signal, `-ESRCH` for another thread.
    static func tkill(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        try tgkill(process, [UInt64(bitPattern: Process.processID), a[0], a[1]])
    }

    /// tgkill(tgid, tid, sig): how glibc's raise and abort signal themselves. `-EINVAL` for ids
    /// <= 0 or a bad signal, `-ESRCH` for another process or thread.
    static func tgkill(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let (group, thread) = (Int64(Int32(truncatingIfNeeded: a[0])), Int64(Int32(truncatingIfNeeded: a[1])))
        guard group > 0, thread > 0 else { return .error(.EINVAL) }
        let signal = try validSignal(a[2])
        guard group == Process.processID, thread == Process.processID else { return .error(.ESRCH) }
        return signal == 0 ? .value(0) : Signal.sendToSelf(signal, task: process.task)
    }

    /// The signal argument as 0...64, else `-EINVAL`.
    private static func validSignal(_ register: UInt64) throws(SyscallFailure) -> UInt64 {
        let signal = Int64(Int32(truncatingIfNeeded: register))
        guard (0...Int64(Signal.count)).contains(signal) else { throw SyscallFailure(.EINVAL) }
        return UInt64(signal)
    }
}
