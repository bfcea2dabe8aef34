/// futex for a process that is one thread.
enum ThreadSyscalls {
    static let futexWait: UInt64 = 0, futexWake: UInt64 = 1
    /// FUTEX_PRIVATE_FLAG and FUTEX_CLOCK_REALTIME, which do not change the answers here.
    static let futexFlags: UInt64 = 128 | 256

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(98, "futex", [.hex, .decimal, .decimal, .hex, .hex, .decimal], futex),
    ]

    /// futex(uaddr, op, val, ...): FUTEX_WAKE wakes nobody (there is no other thread) and returns
    /// 0; FUTEX_WAIT returns `-EAGAIN` when `*uaddr != val`, and otherwise `-ETIMEDOUT` at once,
    /// since no other thread could ever wake it. `-EFAULT` for a bad uaddr; other operations
    /// `-ENOSYS`.
    static func futex(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        switch a[1] & ~futexFlags {
        case futexWake:
            return .value(0)
        case futexWait:
            let word = try process.copyInArgument(from: a[0], count: 4)
            let current = UInt32(word[0]) | UInt32(word[1]) << 8 | UInt32(word[2]) << 16 | UInt32(word[3]) << 24
            return current == UInt32(truncatingIfNeeded: a[2]) ? .error(.ETIMEDOUT) : .error(.EAGAIN)
        default:
            return .error(.ENOSYS)
        }
    }
}
