/// futex: threads (and processes sharing a mapping) wait on a 32-bit word of memory and wake each
/// other. Words are keyed by physical address (`Process.futexKey`); the waiters of a word queue in
/// the order they came (`Scheduler+Futex`).
enum ThreadSyscalls {
    /// The operations (the low 7 bits of `op`).
    static let wait: UInt64 = 0, wake: UInt64 = 1, requeue: UInt64 = 3, compareRequeue: UInt64 = 4, wakeOp: UInt64 = 5
    static let waitBitset: UInt64 = 9, wakeBitset: UInt64 = 10
    /// FUTEX_PRIVATE_FLAG (no difference here: every word is keyed by its physical address) and
    /// FUTEX_CLOCK_REALTIME (WAIT_BITSET's absolute timeout is on CLOCK_REALTIME).
    static let privateFlag: UInt64 = 128, realtimeFlag: UInt64 = 256
    /// The bitset of FUTEX_WAIT and FUTEX_WAKE: every waiter matches.
    static let matchAny: UInt32 = .max

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(98, "futex", [.hex, .hex, .decimal, .hex, .hex, .hex], futex),
    ]

    /// futex(uaddr, op, val, timeout, uaddr2, val3), as Linux: FUTEX_WAIT(_BITSET) blocks while
    /// `*uaddr == val` (`-EAGAIN` otherwise) until a wake (0), the timeout (`-ETIMEDOUT`; relative
    /// for WAIT, absolute CLOCK_MONOTONIC or, with FUTEX_CLOCK_REALTIME, CLOCK_REALTIME for
    /// WAIT_BITSET) or a signal (`-EINTR`); FUTEX_WAKE(_BITSET), FUTEX_REQUEUE, FUTEX_CMP_REQUEUE
    /// and FUTEX_WAKE_OP return how many waiters they woke (or moved). `-EINVAL` for a misaligned
    /// word, a zero bitset, a negative count or a bad timeout; `-EFAULT` for an unreadable word;
    /// `-ENOSYS` for the PI operations, unknown ones and FUTEX_CLOCK_REALTIME on any but WAIT_BITSET.
    static func futex(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let operation = a[1] & ~(privateFlag | realtimeFlag)
        if a[1] & realtimeFlag != 0, operation != waitBitset { return .error(.ENOSYS) }
        guard let scheduler = process.scheduler else { return .error(.ENOSYS) }
        let value = UInt32(truncatingIfNeeded: a[2]), value3 = UInt32(truncatingIfNeeded: a[5])
        switch operation {
        case wait, waitBitset:
            let bitset = operation == wait ? matchAny : value3
            let timeout = try timeoutArgument(process, a[3], absolute: operation == waitBitset, realtime: a[1] & realtimeFlag != 0)
            guard bitset != 0 else { return .error(.EINVAL) }
            return try waitOn(process, scheduler, a[0], expected: value, bitset: bitset, timeout: timeout)
        case wake, wakeBitset:
            let bitset = operation == wake ? matchAny : value3
            guard bitset != 0 else { return .error(.EINVAL) }
            let key = try process.futexKey(a[0])
            return .value(Int64(scheduler.wakeFutex(key, count: wakeCount(value), bitset: bitset)))
        case requeue, compareRequeue:
            let wakeLimit = Int32(bitPattern: value), moveLimit = Int32(bitPattern: UInt32(truncatingIfNeeded: a[3]))
            guard wakeLimit >= 0, moveLimit >= 0 else { return .error(.EINVAL) }
            let from = try process.futexKey(a[0]), to = try process.futexKey(a[4])
            if operation == compareRequeue, try process.futexWord(a[0]) != value3 { return .error(.EAGAIN) }
            return .value(Int64(scheduler.requeueFutex(from: from, to: to, wake: Int(wakeLimit), move: Int(moveLimit))))
        case wakeOp:
            return try FutexWakeOperation.run(process, scheduler, a)
        default:
            return .error(.ENOSYS)
        }
    }

    /// How many waiters FUTEX_WAKE with `value` wakes: Linux wakes at least one, even for 0 or a
    /// negative count.
    static func wakeCount(_ value: UInt32) -> Int { max(1, Int(Int32(bitPattern: value))) }

    /// The wait of FUTEX_WAIT(_BITSET): 0 when a wake chose this task, `-ETIMEDOUT` when its
    /// deadline passed while it waited, `-EAGAIN` when the word no longer holds `expected`,
    /// else a block on the word's key.
    private static func waitOn(_ process: Process, _ scheduler: Scheduler, _ address: UInt64, expected: UInt32,
                               bitset: UInt32, timeout: UInt64?) throws(SyscallFailure) -> SyscallResult {
        let task = scheduler.current
        if task.futexWoken {
            task.futexWoken = false
            return .value(0)
        }
        if let deadline = task.restartDeadline, Host.monotonicNow() >= deadline { return .error(.ETIMEDOUT) }
        let key = try process.futexKey(address)
        guard try process.futexWord(address) == expected else { return .error(.EAGAIN) }
        var condition = WaitCondition(futex: FutexWait(key: key, bitset: bitset, order: scheduler.nextFutexTicket()))
        if let timeout {
            guard let deadline = process.timedWaitDeadline(after: timeout) else { return .error(.ETIMEDOUT) }
            condition.deadline = deadline
        }
        return .block(condition)
    }

    /// The wait's timeout at `address` as nanoseconds from now (nil: none). An absolute one is a
    /// CLOCK_MONOTONIC time, or a CLOCK_REALTIME one when `realtime`. `-EINVAL` for a negative
    /// or out-of-range timespec, `-EFAULT` for an unreadable one.
    static func timeoutArgument(_ process: Process, _ address: UInt64, absolute: Bool,
                                realtime: Bool) throws(SyscallFailure) -> UInt64? {
        guard let timeout = try PollSyscalls.timeoutArgument(process, address) else { return nil }
        guard absolute else { return timeout }
        let now = realtime ? Host.realtimeNow() : Host.monotonicNow()
        return timeout > now ? timeout - now : 0
    }
}

/// A FUTEX_WAIT in progress: the word's key, the waiter's bitset and its place in the word's queue.
struct FutexWait: Equatable {
    var key: UInt64
    var bitset: UInt32
    var order: UInt64
}

extension Process {
    /// The key of the futex word at `address`: its physical address, the page faulted in as a
    /// store would when it is writable (so a copy-on-write page is this process's own, and a
    /// shared mapping is the same word in every process). `-EINVAL` when misaligned, `-EFAULT`
    /// when unreadable.
    func futexKey(_ address: UInt64) throws(SyscallFailure) -> UInt64 {
        guard address % 4 == 0 else { throw SyscallFailure(.EINVAL) }
        let access: MemoryAccess = isAccessible(address, count: 4, for: .store) ? .store : .load
        switch physicalAddress(of: address, for: access) {
        case .success(let key): return key
        case .failure(let error): throw SyscallFailure(error)
        }
    }

    /// The 32-bit word at `address`; `-EFAULT` when unreadable.
    func futexWord(_ address: UInt64) throws(SyscallFailure) -> UInt32 {
        let bytes = try copyInArgument(from: address, count: 4)
        return UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
    }
}
