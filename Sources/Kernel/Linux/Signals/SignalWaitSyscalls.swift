/// rt_sigpending, rt_sigsuspend and rt_sigtimedwait: looking at and waiting for signals.
enum SignalWaitSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(136, "rt_sigpending", [.hex, .decimal], rtSigpending),
        SyscallDefinition(133, "rt_sigsuspend", [.hex, .decimal], rtSigsuspend),
        SyscallDefinition(137, "rt_sigtimedwait", [.hex, .hex, .hex, .decimal], rtSigtimedwait),
    ]

    /// rt_sigpending(set, sigsetsize): the pending signals that are blocked. `-EINVAL` for a size
    /// other than 8, `-EFAULT`.
    static func rtSigpending(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[1] == SignalSyscalls.sigsetSize else { return .error(.EINVAL) }
        try process.copyOutArgument(GuestBytes.words(process.pendingForRunningTask & process.signals.mask), to: a[0])
        return .value(0)
    }

    /// rt_sigsuspend(mask, sigsetsize): waits with `mask` as the mask until a handler runs (then
    /// `-EINTR`, and the handler's return restores the old mask) or a signal kills the process.
    static func rtSigsuspend(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[1] == SignalSyscalls.sigsetSize else { return .error(.EINVAL) }
        let mask = GuestBytes.word(try process.copyInArgument(from: a[0], count: 8), at: 0)
        if process.signals.savedMask == nil { process.signals.savedMask = process.signals.mask }
        process.signals.mask = mask & ~Signal.unblockable
        return .block(WaitCondition())
    }

    /// rt_sigtimedwait(set, info, timeout, sigsetsize): takes a pending signal of `set` (the
    /// lowest), fills `info` and returns its number; waits for one up to the timeout (NULL: for
    /// ever). `-EAGAIN` when the timeout passes, `-EINTR` when a handler runs first, `-EINVAL` for
    /// a bad size or timeout, `-EFAULT`.
    static func rtSigtimedwait(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[3] == SignalSyscalls.sigsetSize else { return .error(.EINVAL) }
        let set = GuestBytes.word(try process.copyInArgument(from: a[0], count: 8), at: 0) & ~Signal.unblockable
        let timeout = try PollSyscalls.timeoutArgument(process, a[2])
        let waiting = process.pendingForRunningTask & set
        if waiting != 0 {
            let signal = UInt64(waiting.trailingZeroBitCount + 1)
            let info = process.takePending(signal)
            if a[1] != 0 { try process.copyOutArgument(info.bytes, to: a[1]) }
            return .value(Int64(signal))
        }
        var condition = WaitCondition(signalSet: set)
        if let timeout {
            guard timeout > 0, let deadline = process.timedWaitDeadline(after: timeout) else { return .error(.EAGAIN) }
            condition.deadline = deadline
        }
        return .block(condition)
    }
}

extension Process {
    /// Runs the waiting call `body` (ppoll, pselect6, epoll_pwait) with the signal mask at
    /// `address` (8 bytes; none when null) in place of the thread's, as Linux does atomically: the
    /// old mask comes back when the call returns, or, when a handler interrupts it, when the
    /// handler returns (`SignalState.savedMask`, as rt_sigsuspend). A call that blocks keeps the
    /// call's mask until it runs again. `-EINVAL` for a size other than 8, `-EFAULT`.
    func withCallMask(at address: UInt64, size: UInt64,
                      _ body: () throws(SyscallFailure) -> SyscallResult) throws(SyscallFailure) -> SyscallResult {
        guard address != 0 else { return try body() }
        guard size == SignalSyscalls.sigsetSize else { return .error(.EINVAL) }
        let mask = GuestBytes.word(try copyInArgument(from: address, count: 8), at: 0)
        if signals.savedMask == nil { signals.savedMask = signals.mask }
        signals.mask = mask & ~Signal.unblockable
        let result: SyscallResult
        do throws(SyscallFailure) { result = try body() } catch {
            restoreCallMask()
            throw error
        }
        if case .block = result { return result }
        restoreCallMask()
        return result
    }

    /// Puts back the mask that `withCallMask` replaced.
    private func restoreCallMask() {
        guard let saved = signals.savedMask else { return }
        signals.mask = saved
        signals.savedMask = nil
    }
}
