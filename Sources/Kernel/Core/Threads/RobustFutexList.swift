/// Robust futexes: a thread registers the head of a list of the locks it holds
/// (`set_robust_list`); when it dies holding one, the kernel marks each lock's word
/// FUTEX_OWNER_DIED and wakes a waiter, so the next locker learns the owner died (EOWNERDEAD)
/// instead of waiting for ever (Linux's `exit_robust_list`).
enum RobustFutexList {
    /// sizeof(struct robust_list_head): next, futex_offset, list_op_pending.
    static let headSize: UInt64 = 24
    /// The most entries walked (Linux's ROBUST_LIST_LIMIT), so a cyclic list ends.
    static let walkLimit = 2048
    /// The word's bits: waiters queued, owner died, and the owner's tid.
    static let waiters: UInt32 = 0x8000_0000, ownerDied: UInt32 = 0x4000_0000, tidMask: UInt32 = 0x3fff_ffff

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(99, "set_robust_list", [.hex, .decimal], setRobustList),
        SyscallDefinition(100, "get_robust_list", [.decimal, .hex, .hex], getRobustList),
    ]

    /// set_robust_list(head, len): records the calling thread's list head. `-EINVAL` unless len
    /// is 24. The head is read only when the thread dies.
    static func setRobustList(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[1] == headSize else { return .error(.EINVAL) }
        process.scheduler?.current.robustList = a[0]
        return .value(0)
    }

    /// get_robust_list(tid, head_ptr, len_ptr): the list head of thread `tid` (0: the caller) and
    /// its size. `-ESRCH` for no such thread, `-EFAULT` for bad pointers.
    static func getRobustList(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard let scheduler = process.scheduler else { return .error(.ESRCH) }
        let tid = Int64(Int32(truncatingIfNeeded: a[0]))
        guard let task = tid == 0 ? scheduler.current : scheduler.task(withID: tid) else { return .error(.ESRCH) }
        try process.copyOutArgument(GuestBytes.words(headSize), to: a[2])
        try process.copyOutArgument(GuestBytes.words(task.robustList), to: a[1])
        return .value(0)
    }

    /// Walks the robust list of dying `task` (at most `walkLimit` entries, stopping at the first
    /// unreadable one) and releases every lock it owns, then the one it was taking or releasing
    /// (list_op_pending). Never fails: a bad list only ends the walk.
    static func release(_ task: Task, scheduler: Scheduler) {
        let process = task.process
        guard task.robustList != 0, let head = words(process, at: task.robustList, count: 3) else { return }
        let offset = head[1], pending = head[2] & ~1
        var entry = head[0]
        var walked = 0
        while entry & ~1 != task.robustList, walked < walkLimit {
            let next = words(process, at: entry & ~1, count: 1)?.first
            if entry & ~1 != pending { ownerDied(process, task, word: (entry & ~1) &+ offset, isPI: entry & 1 != 0, scheduler) }
            guard let next else { return }
            entry = next
            walked += 1
        }
        if pending != 0 {
            ownerDied(process, task, word: pending &+ offset, isPI: head[2] & 1 != 0, scheduler, isPending: true)
        }
    }

    /// Linux's `handle_futex_death` for the word at `address`: if `task` owns it, sets
    /// FUTEX_OWNER_DIED (keeping FUTEX_WAITERS) and wakes one waiter when there are any. A
    /// pending unlock that already cleared the word wakes one waiter too.
    private static func ownerDied(_ process: Process, _ task: Task, word address: UInt64, isPI: Bool,
                                  _ scheduler: Scheduler, isPending: Bool = false) {
        guard address % 4 == 0, let value = try? process.futexWord(address) else { return }
        if isPending, !isPI, value == 0 {
            if let key = try? process.futexKey(address) { _ = scheduler.wakeFutex(key, count: 1, bitset: ThreadSyscalls.matchAny) }
            return
        }
        guard Int64(value & tidMask) == task.tid else { return }
        let marked = value & waiters | ownerDied
        guard case .success = process.copyOut(GuestBytes.words(UInt64(marked)).prefix(4).map { $0 }, to: address) else { return }
        if !isPI, value & waiters != 0, let key = try? process.futexKey(address) {
            _ = scheduler.wakeFutex(key, count: 1, bitset: ThreadSyscalls.matchAny)
        }
    }

    /// `count` little-endian words at `address`, or nil when any byte is unreadable.
    private static func words(_ process: Process, at address: UInt64, count: Int) -> [UInt64]? {
        guard case .success(let bytes) = process.copyIn(from: address, count: 8 * count) else { return nil }
        return (0..<count).map { GuestBytes.word(bytes, at: 8 * $0) }
    }
}
