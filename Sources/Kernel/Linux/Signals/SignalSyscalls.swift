/// rt_sigaction, rt_sigprocmask, kill, tkill and tgkill: actions and the mask, and sending
/// signals to other processes or to oneself (`Process.post`; delivery is Signals/SignalDelivery).
enum SignalSyscalls {
    static let sigkill: UInt64 = 9, sigstop: UInt64 = 19
    /// Bytes of the kernel's sigaction on riscv64: handler, flags and a 64-bit mask (no restorer).
    static let actionSize = 24
    static let sigsetSize: UInt64 = 8

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(134, "rt_sigaction", [.decimal, .hex, .hex, .decimal], sigaction),
        SyscallDefinition(135, "rt_sigprocmask", [.decimal, .hex, .hex, .decimal], sigprocmask),
        SyscallDefinition(129, "kill", [.decimal, .decimal], kill),
        SyscallDefinition(130, "tkill", [.decimal, .decimal]) { process, a in
            sendToTask(process, group: nil, task: Int64(Int32(truncatingIfNeeded: a[0])), signal: a[1])
        },
        SyscallDefinition(131, "tgkill", [.decimal, .decimal, .decimal]) { process, a in
            sendToTask(process, group: Int64(Int32(truncatingIfNeeded: a[0])), task: Int64(Int32(truncatingIfNeeded: a[1])), signal: a[2])
        },
    ]

    /// rt_sigaction(sig, act, oact, sigsetsize): stores `act` and reports the previous action
    /// (zeros, SIG_DFL, if none was set). `-EINVAL` for a bad signal, a changed SIGKILL/SIGSTOP
    /// or a sigset size other than 8; `-EFAULT` for bad pointers.
    static func sigaction(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let (signal, new, old) = (a[0], a[1], a[2])
        guard (1...64).contains(signal), a[3] == sigsetSize else { return .error(.EINVAL) }
        guard new == 0 || (signal != sigkill && signal != sigstop) else { return .error(.EINVAL) }
        var action: [UInt8]? = nil
        if new != 0 {
            switch process.copyIn(from: new, count: actionSize) {
            case .success(let bytes): action = bytes
            case .failure(let error): return IOSyscalls.failure(error)
            }
        }
        if old != 0 {
            let previous = process.signals.actions[signal] ?? [UInt8](repeating: 0, count: actionSize)
            if case .failure(let error) = process.copyOut(previous, to: old) { return IOSyscalls.failure(error) }
        }
        if let action {
            process.signals.actions[signal] = action
            discardIgnored(process, signal: signal)
        }
        return .value(0)
    }

    /// A pending signal whose new action ignores it is dropped (Linux's sigaction does the same).
    private static func discardIgnored(_ process: Process, signal: UInt64) {
        let action = process.signals.action(signal)
        if action.handler == SignalAction.ignoreHandler
            || (action.handler == SignalAction.defaultHandler && Signal.isIgnoredByDefault(signal)) {
            process.signals.pendingSignals.discard(signal)
            for task in process.scheduler?.tasks ?? [] where task.process === process { task.pendingSignals.discard(signal) }
        }
    }

    /// rt_sigprocmask(how, set, oset, sigsetsize): SIG_BLOCK 0, SIG_UNBLOCK 1, SIG_SETMASK 2 on the
    /// recorded mask; SIGKILL and SIGSTOP are never blocked.
    static func sigprocmask(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let (how, set, old) = (a[0], a[1], a[2])
        guard a[3] == sigsetSize else { return .error(.EINVAL) }
        var requested: UInt64? = nil
        if set != 0 {
            guard how <= 2 else { return .error(.EINVAL) }
            switch process.copyIn(from: set, count: 8) {
            case .success(let bytes): requested = GuestBytes.word(bytes, at: 0)
            case .failure(let error): return IOSyscalls.failure(error)
            }
        }
        if old != 0, case .failure(let error) = process.copyOut(GuestBytes.words(process.signals.mask), to: old) {
            return IOSyscalls.failure(error)
        }
        if let requested {
            let unblockable: UInt64 = 1 << (sigkill - 1) | 1 << (sigstop - 1)
            switch how {
            case 0: process.signals.mask |= requested
            case 1: process.signals.mask &= ~requested
            default: process.signals.mask = requested
            }
            process.signals.mask &= ~unblockable
        }
        return .value(0)
    }

    /// kill(pid, sig): pid > 0 names a process, 0 the caller's process group, -1 every process but
    /// the caller, < -1 the group -pid. Signal 0 only checks that a target exists. `-EINVAL` for
    /// a signal above 64, `-ESRCH` when no live process matches.
    static func kill(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let pid = Int64(Int32(truncatingIfNeeded: a[0]))
        let signal = a[1]
        guard signal <= UInt64(Signal.count) else { return .error(.EINVAL) }
        let candidates = process.scheduler?.liveProcesses ?? [process]
        let targets: [Process]
        switch pid {
        case 0: targets = candidates.filter { $0.family.processGroup == process.family.processGroup }
        case -1: targets = candidates.filter { $0 !== process }
        case ..<(-1): targets = candidates.filter { $0.family.processGroup == -pid }
        default:
            if let target = process.scheduler?.process(pid) ?? (pid == process.family.pid ? process : nil) {
                targets = [target]
            } else {
                targets = []
            }
        }
        guard !targets.isEmpty else { return .error(.ESRCH) }
        if signal != 0 {
            for target in targets where target.family.waitStatus == nil {
                target.post(SignalInfo(signal: signal, code: SignalInfo.user, senderPID: process.family.pid,
                                       senderUID: Host.userID))
            }
        }
        return .value(0)
    }

    /// tkill(tid, sig) and tgkill(tgid, tid, sig): one task (each process is one task, its tid
    /// its pid). `-EINVAL` for a bad signal or id, `-ESRCH` when no such task lives.
    static func sendToTask(_ process: Process, group: Int64?, task: Int64, signal: UInt64) -> SyscallResult {
        guard signal <= UInt64(Signal.count), task > 0, group.map({ $0 > 0 }) ?? true else { return .error(.EINVAL) }
        let thread = process.scheduler?.task(withID: task)
        let target = thread?.process ?? process.scheduler?.process(task) ?? (task == process.family.pid ? process : nil)
        guard let target, target.family.waitStatus == nil, group.map({ $0 == target.family.pid }) ?? true else {
            return .error(.ESRCH)
        }
        if signal != 0 {
            let info = SignalInfo(signal: signal, code: SignalInfo.tkill, senderPID: process.family.pid,
                                  senderUID: Host.userID)
            if let thread { target.post(info, to: thread) } else { target.post(info) }
        }
        return .value(0)
    }
}
