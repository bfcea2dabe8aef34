/// rt_sigqueueinfo and rt_tgsigqueueinfo: sending a signal with a siginfo of the sender's making
/// (glibc's sigqueue and pthread_sigqueue: SI_QUEUE and a si_value). Real-time signals queue one
/// record per sending (`PendingSignals`).
enum SignalQueueSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(138, "rt_sigqueueinfo", [.decimal, .decimal, .hex], sigqueueinfo),
        SyscallDefinition(240, "rt_tgsigqueueinfo", [.decimal, .decimal, .decimal, .hex], tgsigqueueinfo),
    ]

    /// Bytes of riscv64's siginfo_t.
    static let siginfoSize = 128

    /// rt_sigqueueinfo(tgid, sig, info): sends `sig` with the caller's siginfo to the process
    /// `tgid`. `-EFAULT` for a bad `info`, `-EPERM` for a si_code that only the kernel, kill or tkill
    /// may claim (>= 0, or SI_TKILL) sent to another task, `-EINVAL` for a signal above 64,
    /// `-ESRCH` when no such process lives, `-EAGAIN` when the signal queue is full.
    static func sigqueueinfo(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let pid = Int64(Int32(truncatingIfNeeded: a[0]))
        let info = try senderInfo(process, at: a[2], signal: a[1], to: pid)
        guard a[1] <= UInt64(Signal.count) else { return .error(.EINVAL) }
        let scheduler = process.scheduler
        let found = scheduler?.process(pid) ?? scheduler?.task(withID: pid)?.process ?? (pid == process.family.pid ? process : nil)
        guard let target = found, target.family.waitStatus == nil else { return .error(.ESRCH) }
        guard a[1] != 0 else { return .value(0) }
        return target.post(info) ? .value(0) : .error(.EAGAIN)
    }

    /// rt_tgsigqueueinfo(tgid, tid, sig, info): as rt_sigqueueinfo, to thread `tid` of process
    /// `tgid` alone. `-EINVAL` also for an id of 0 or less; `-ESRCH` when `tid` is no live thread
    /// of `tgid`.
    static func tgsigqueueinfo(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let group = Int64(Int32(truncatingIfNeeded: a[0])), tid = Int64(Int32(truncatingIfNeeded: a[1]))
        guard group > 0, tid > 0 else { return .error(.EINVAL) }
        let info = try senderInfo(process, at: a[3], signal: a[2], to: tid)
        guard a[2] <= UInt64(Signal.count) else { return .error(.EINVAL) }
        let thread = process.scheduler?.task(withID: tid)
        guard let thread, thread.process.family.pid == group, thread.process.family.waitStatus == nil else {
            return .error(.ESRCH)
        }
        guard a[2] != 0 else { return .value(0) }
        return thread.process.post(info, to: thread) ? .value(0) : .error(.EAGAIN)
    }

    /// The siginfo at `address` as sent to task `target`. `-EFAULT`, or `-EPERM` when it claims a
    /// si_code of the kernel, kill or tkill and is not the caller's to itself (Linux's
    /// do_rt_sigqueueinfo check).
    private static func senderInfo(_ process: Process, at address: UInt64, signal: UInt64,
                                   to target: Int64) throws(SyscallFailure) -> SignalInfo {
        let bytes = try process.copyInArgument(from: address, count: siginfoSize)
        let code = Int32(bitPattern: GuestBytes.word32(bytes, at: 8))
        let caller = process.scheduler?.current.tid ?? process.family.pid
        if code >= 0 || code == SignalInfo.tkill, target != caller { throw SyscallFailure(.EPERM) }
        return SignalInfo(signal: signal, code: code,
                          senderPID: Int64(Int32(bitPattern: GuestBytes.word32(bytes, at: 16))),
                          senderUID: GuestBytes.word32(bytes, at: 20), queued: bytes)
    }
}
