/// futex: threads of a process wait on a word of memory and wake each other.
enum ThreadSyscalls {
    static let futexWait: UInt64 = 0, futexWake: UInt64 = 1, futexWaitBitset: UInt64 = 9, futexWakeBitset: UInt64 = 10
    /// FUTEX_PRIVATE_FLAG and FUTEX_CLOCK_REALTIME, which do not change the answers here.
    static let futexFlags: UInt64 = 128 | 256

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(98, "futex", [.hex, .decimal, .decimal, .hex, .hex, .decimal], futex),
    ]

    /// futex(uaddr, op, val, timeout, uaddr2, val3): FUTEX_WAIT(_BITSET) returns `-EAGAIN` when
    /// `*uaddr != val`, else blocks until a FUTEX_WAKE on the same word (0), the timeout (relative
    /// for FUTEX_WAIT, absolute CLOCK_MONOTONIC for FUTEX_WAIT_BITSET; `-ETIMEDOUT`) or a signal.
    /// With no other task that could wake it, it returns `-ETIMEDOUT` at once. FUTEX_WAKE(_BITSET)
    /// wakes up to `val` waiters of the word, in the order they wait, and returns how many.
    /// Words are named by physical address. `-EFAULT` for a bad uaddr; other operations `-ENOSYS`.
    static func futex(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let operation = a[1] & ~futexFlags
        switch operation {
        case futexWake, futexWakeBitset:
            guard let key = try futexKey(process, a[0]) else { return .value(0) }
            return .value(Int64(process.scheduler?.wakeFutex(key, count: Int(min(a[2], UInt64(Int32.max)))) ?? 0))
        case futexWait, futexWaitBitset:
            if let task = process.scheduler?.current, task.futexWoken {
                task.futexWoken = false
                return .value(0)
            }
            let word = try process.copyInArgument(from: a[0], count: 4)
            let current = UInt32(word[0]) | UInt32(word[1]) << 8 | UInt32(word[2]) << 16 | UInt32(word[3]) << 24
            guard current == UInt32(truncatingIfNeeded: a[2]) else { return .error(.EAGAIN) }
            guard process.scheduler?.hasOtherTasks == true, let key = try futexKey(process, a[0]) else {
                return .error(.ETIMEDOUT)
            }
            var condition = WaitCondition(futexKey: key)
            if a[3] != 0, let timeout = try PollSyscalls.timeoutArgument(process, a[3]) {
                var duration = timeout
                if operation == futexWaitBitset {
                    let now = Scheduler.monotonicNow()
                    duration = timeout > now ? timeout - now : 0
                }
                guard duration > 0, let deadline = process.timedWaitDeadline(after: duration) else { return .error(.ETIMEDOUT) }
                condition.deadline = deadline
            }
            return .block(condition)
        default:
            return .error(.ENOSYS)
        }
    }

    /// The physical address of the futex word (its page faulted in). `-EINVAL` when misaligned,
    /// `-EFAULT` when unreadable.
    private static func futexKey(_ process: Process, _ address: UInt64) throws(SyscallFailure) -> UInt64? {
        guard address % 4 == 0 else { throw SyscallFailure(.EINVAL) }
        _ = try process.copyInArgument(from: address, count: 4)
        return process.addressSpace.pageTable.translate(address)
    }
}
