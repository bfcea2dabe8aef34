/// A 128-bit unsigned integer made of two words, with just the operations the fused multiply-add
/// needs (the standard library's `UInt128` is not available on every deployment target).
struct Wide128: Comparable {
    var high: UInt64
    var low: UInt64

    /// The full product `a * b`.
    static func product(_ a: UInt64, _ b: UInt64) -> Wide128 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return Wide128(high: high, low: low)
    }

    var isZero: Bool { high == 0 && low == 0 }

    var leadingZeroBitCount: Int { high != 0 ? high.leadingZeroBitCount : 64 + low.leadingZeroBitCount }

    /// `self << count` for `0 <= count < 128`; bits shifted out are lost.
    func shiftedLeft(_ count: Int) -> Wide128 {
        precondition(count >= 0 && count < 128)
        if count == 0 { return self }
        if count >= 64 { return Wide128(high: low << UInt64(count - 64), low: 0) }
        return Wide128(high: high << UInt64(count) | low >> UInt64(64 - count), low: low << UInt64(count))
    }

    /// `self >> count` for any `count >= 0`, ORing every shifted-out bit into bit 0 (sticky).
    func shiftedRightJamming(_ count: Int) -> Wide128 {
        precondition(count >= 0)
        if count == 0 { return self }
        if count >= 128 { return Wide128(high: 0, low: isZero ? 0 : 1) }
        let shifted: Wide128
        let lost: Bool
        if count >= 64 {
            let inner = count - 64
            shifted = Wide128(high: 0, low: inner == 0 ? high : high >> UInt64(inner))
            lost = low != 0 || (inner != 0 && high << UInt64(64 - inner) != 0)
        } else {
            shifted = Wide128(high: high >> UInt64(count), low: low >> UInt64(count) | high << UInt64(64 - count))
            lost = low << UInt64(64 - count) != 0
        }
        return Wide128(high: shifted.high, low: shifted.low | (lost ? 1 : 0))
    }

    /// `a + b`; the caller guarantees no overflow.
    static func + (a: Wide128, b: Wide128) -> Wide128 {
        let (low, carry) = a.low.addingReportingOverflow(b.low)
        return Wide128(high: a.high + b.high + (carry ? 1 : 0), low: low)
    }

    /// `a - b`; the caller guarantees `a >= b`.
    static func - (a: Wide128, b: Wide128) -> Wide128 {
        let (low, borrow) = a.low.subtractingReportingOverflow(b.low)
        return Wide128(high: a.high - b.high - (borrow ? 1 : 0), low: low)
    }

    static func < (a: Wide128, b: Wide128) -> Bool {
        a.high != b.high ? a.high < b.high : a.low < b.low
    }
}
