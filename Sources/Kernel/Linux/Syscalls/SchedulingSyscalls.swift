/// The scheduler as a process sees it: one CPU, a policy and priority per process that are
/// reported back (tinyrv's scheduler gives every task the same quantum), and sched_yield, which
/// only asks to wait. (getpriority and setpriority are in `ResourceSyscalls`.)
enum SchedulingSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(124, "sched_yield", []) { _, _ in .value(0) },
        SyscallDefinition(123, "sched_getaffinity", [.decimal, .decimal, .hex], schedGetaffinity),
        SyscallDefinition(122, "sched_setaffinity", [.decimal, .decimal, .hex], schedSetaffinity),
        SyscallDefinition(119, "sched_setscheduler", [.decimal, .decimal, .hex], schedSetscheduler),
        SyscallDefinition(118, "sched_setparam", [.decimal, .hex]) { process, a throws(SyscallFailure) in
            try schedSetscheduler(process, [a[0], UInt64.max, a[1]])
        },
        SyscallDefinition(120, "sched_getscheduler", [.decimal]) { process, a throws(SyscallFailure) in
            try checkTask(process, a[0])
            return .value(Int64(process.inherited.schedulingPolicy))
        },
        SyscallDefinition(121, "sched_getparam", [.decimal, .hex]) { process, a throws(SyscallFailure) in
            guard a[1] != 0 else { return .error(.EINVAL) }
            try checkTask(process, a[0])
            try process.copyOutArgument(GuestBytes.word32(UInt32(process.inherited.schedulingPriority)), to: a[1])
            return .value(0)
        },
        SyscallDefinition(125, "sched_get_priority_max", [.decimal]) { _, a in
            guard let range = priorities(a[0]) else { return .error(.EINVAL) }
            return .value(Int64(range.upperBound))
        },
        SyscallDefinition(126, "sched_get_priority_min", [.decimal]) { _, a in
            guard let range = priorities(a[0]) else { return .error(.EINVAL) }
            return .value(Int64(range.lowerBound))
        },
        SyscallDefinition(168, "getcpu", [.hex, .hex, .hex]) { process, a throws(SyscallFailure) in
            for address in a[0...1] where address != 0 { try process.copyOutArgument(GuestBytes.word32(0), to: address) }
            return .value(0)
        },
    ]

    /// SCHED_OTHER, SCHED_FIFO, SCHED_RR, SCHED_BATCH, SCHED_IDLE, and the SCHED_RESET_ON_FORK flag.
    static let other: UInt64 = 0, fifo: UInt64 = 1, roundRobin: UInt64 = 2, batch: UInt64 = 3, idle: UInt64 = 5
    static let resetOnFork: UInt64 = 0x4000_0000
    /// CAP_SYS_NICE, which a real-time policy needs.
    static let niceCapability: UInt32 = 23

    /// The static priorities of a policy (1...99 for the real-time ones, 0 for the others), or
    /// nil for an unknown policy.
    static func priorities(_ policy: UInt64) -> ClosedRange<UInt64>? {
        switch policy {
        case fifo, roundRobin: return 1...99
        case other, batch, idle: return 0...0
        default: return nil
        }
    }

    /// sched_setscheduler(pid, policy, param) (and sched_setparam, whose policy is `UInt64.max`:
    /// the current one): records the policy, with SCHED_RESET_ON_FORK, and `param`'s priority for
    /// the process. A real-time policy needs CAP_SYS_NICE in tinyrv's own effective set (`-EPERM`);
    /// `-EINVAL` for an unknown policy, a priority outside its range or a null `param`; `-ESRCH`
    /// for no such task.
    static func schedSetscheduler(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard Int64(Int32(truncatingIfNeeded: a[0])) >= 0, a[2] != 0 else { return .error(.EINVAL) }
        let requested = a[1] == UInt64.max ? process.inherited.schedulingPolicy : a[1] & 0xffff_ffff
        let policy = requested & ~resetOnFork
        guard let range = priorities(policy) else { return .error(.EINVAL) }
        try checkTask(process, a[0])
        let priority = UInt64(GuestBytes.word32(try process.copyInArgument(from: a[2], count: 4), at: 0))
        guard range.contains(priority) else { return .error(.EINVAL) }
        if range.lowerBound > 0, try Host.capabilities().orFail()[0] & 1 << niceCapability == 0 { return .error(.EPERM) }
        (process.inherited.schedulingPolicy, process.inherited.schedulingPriority) = (requested, priority)
        return .value(0)
    }

    /// sched_getaffinity(tid, size, mask): one CPU (bit 0); returns the 8 bytes written. `-ESRCH`
    /// for no such thread, `-EINVAL` for a size that is not a multiple of 8.
    static func schedGetaffinity(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard isTask(process, a[0]) else { return .error(.ESRCH) }
        guard a[1] >= 8, a[1] % 8 == 0 else { return .error(.EINVAL) }
        return IOSyscalls.complete(process.copyOut(GuestBytes.words(1), to: a[2]), value: 8)
    }

    /// sched_setaffinity(tid, size, mask): 0 when the mask holds CPU 0, the only one (bits of a
    /// mask shorter than 8 bytes are zero; bytes past 8 are ignored). `-ESRCH` for no such
    /// thread, `-EINVAL` for a mask without CPU 0, `-EFAULT` for an unreadable one.
    static func schedSetaffinity(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard isTask(process, a[0]) else { return .error(.ESRCH) }
        guard a[1] > 0 else { return .error(.EINVAL) }
        guard case .success(let mask) = process.copyIn(from: a[2], count: Int(min(a[1], 8))) else { return .error(.EFAULT) }
        return mask[0] & 1 != 0 ? .value(0) : .error(.EINVAL)
    }

    /// `-EINVAL` for a negative tid, `-ESRCH` when it names no live thread.
    static func checkTask(_ process: Process, _ tid: UInt64) throws(SyscallFailure) {
        guard Int32(truncatingIfNeeded: tid) >= 0 else { throw SyscallFailure(.EINVAL) }
        guard isTask(process, tid) else { throw SyscallFailure(.ESRCH) }
    }

    /// True when `tid` is 0 (the caller) or names a live thread.
    static func isTask(_ process: Process, _ tid: UInt64) -> Bool {
        let id = Int64(Int32(truncatingIfNeeded: tid))
        guard id != 0 else { return true }
        return process.scheduler?.task(withID: id) != nil || id == process.family.pid
    }
}
