/// FUTEX_WAKE_OP: changes a second word and wakes waiters of the first, and of the second too when
/// the second word's old value passes a comparison, all in one step (no task runs in between).
enum FutexWakeOperation {
    /// The operations on the second word (`val3` bits 28-30) and FUTEX_OP_OPARG_SHIFT (bit 31).
    static let set: UInt32 = 0, add: UInt32 = 1, or: UInt32 = 2, andNot: UInt32 = 3, xor: UInt32 = 4
    static let shiftArgument: UInt32 = 8
    /// The comparisons of its old value (`val3` bits 24-27).
    static let equal: UInt32 = 0, notEqual: UInt32 = 1, less: UInt32 = 2, lessOrEqual: UInt32 = 3
    static let greater: UInt32 = 4, greaterOrEqual: UInt32 = 5

    /// futex(uaddr1, FUTEX_WAKE_OP, nr_wake, nr_wake2, uaddr2, val3): applies val3's operation to
    /// *uaddr2, wakes up to nr_wake waiters of uaddr1 and, when the old *uaddr2 compares true with
    /// val3's argument, up to nr_wake2 of uaddr2; returns how many woke. `-EINVAL` for misaligned
    /// words, `-EFAULT` for unwritable uaddr2 or unreadable uaddr1, `-ENOSYS` for an unknown
    /// operation (nothing changed) or comparison (the word changed, as on Linux).
    static func run(_ process: Process, _ scheduler: Scheduler, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let encoded = UInt32(truncatingIfNeeded: a[5])
        let first = try process.futexKey(a[0]), second = try process.futexKey(a[4])
        guard process.isAccessible(a[4], count: 4, for: .store) else { return .error(.EFAULT) }
        let old = try process.futexWord(a[4])
        guard let new = apply(encoded, to: old) else { return .error(.ENOSYS) }
        try process.copyOutArgument(GuestBytes.words(UInt64(new)).prefix(4).map { $0 }, to: a[4])
        guard let passes = compare(encoded, old: old) else { return .error(.ENOSYS) }
        var woken = scheduler.wakeFutex(first, count: ThreadSyscalls.wakeCount(UInt32(truncatingIfNeeded: a[2])),
                                        bitset: ThreadSyscalls.matchAny)
        if passes {
            woken += scheduler.wakeFutex(second, count: ThreadSyscalls.wakeCount(UInt32(truncatingIfNeeded: a[3])),
                                         bitset: ThreadSyscalls.matchAny)
        }
        return .value(Int64(woken))
    }

    /// The new value of the word whose value is `old` under `encoded`'s operation; nil for an
    /// unknown operation. A shifted argument is `1 << (oparg & 31)`, as Linux clamps it.
    static func apply(_ encoded: UInt32, to old: UInt32) -> UInt32? {
        let operation = encoded >> 28 & 0xf
        var argument = UInt32(bitPattern: signExtend12(encoded >> 12))
        if operation & shiftArgument != 0 { argument = 1 << (argument & 31) }
        switch operation & ~shiftArgument {
        case set: return argument
        case add: return old &+ argument
        case or: return old | argument
        case andNot: return old & ~argument
        case xor: return old ^ argument
        default: return nil
        }
    }

    /// Whether the old value (signed) passes `encoded`'s comparison with its argument; nil for
    /// an unknown comparison.
    static func compare(_ encoded: UInt32, old: UInt32) -> Bool? {
        let value = Int32(bitPattern: old), argument = signExtend12(encoded)
        switch encoded >> 24 & 0xf {
        case equal: return value == argument
        case notEqual: return value != argument
        case less: return value < argument
        case lessOrEqual: return value <= argument
        case greater: return value > argument
        case greaterOrEqual: return value >= argument
        default: return nil
        }
    }

    /// The low 12 bits of `bits` as a signed number.
    static func signExtend12(_ bits: UInt32) -> Int32 { Int32(bitPattern: bits << 20) >> 20 }
}
