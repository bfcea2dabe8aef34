extension SoftFloat {
    /// Converts `a` to a `width`-bit integer (32 or 64, `signed` or not), returned as its two's
    /// complement bit pattern in the low `width` bits (upper bits zero).
    ///
    /// Rounds by `rm` first, then saturates as RISC-V specifies: NaN and +inf and too-large values
    /// give the largest integer, -inf and too-small values the smallest (0 when unsigned), all with NV
    /// and without NX. An in-range inexact result raises NX. A negative value that rounds to 0 is in
    /// range even for unsigned targets.
    static func toInteger(_ a: UInt64, _ rm: RoundingMode, signed: Bool, width: Int) -> FPResult<UInt64> {
        precondition(width == 32 || width == 64)
        let mask: UInt64 = width == 64 ? .max : (1 << UInt64(width)) - 1
        let largest: UInt64 = signed ? mask >> 1 : mask
        let smallestMagnitude: UInt64 = signed ? (mask >> 1) + 1 : 0
        let smallest = (0 &- smallestMagnitude) & mask
        if Format.isNaN(a) { return FPResult(value: largest, flags: .invalid) }
        let negative = Format.isSignNegative(a)
        let saturated = FPResult(value: negative ? smallest : largest, flags: .invalid)
        if Format.isInfinite(a) { return saturated }
        if Format.isZero(a) { return FPResult(value: 0) }
        let x = unpack(a)
        if x.exponent >= 64 { return saturated }
        var magnitude: UInt64
        var inexact = false
        if x.exponent >= 62 {
            magnitude = x.significand << UInt64(x.exponent - 62)
        } else {
            // Keep at most 63 dropped bits; the jammed bits below them only matter as sticky.
            let shift = 62 - x.exponent
            let kept = shift > 63 ? shiftRightJamming(x.significand, by: shift - 63) : x.significand
            (magnitude, inexact) = roundSignificand(kept, dropping: min(shift, 63), negative: negative, rm)
        }
        if negative ? magnitude > smallestMagnitude : magnitude > largest { return saturated }
        let value = (negative ? 0 &- magnitude : magnitude) & mask
        return FPResult(value: value, flags: inexact ? .inexact : [])
    }

    /// Converts the integer `(-1)^negative * magnitude` to this format, rounding by `rm`
    /// (NX when inexact); zero converts to +0.
    static func fromInteger(magnitude: UInt64, negative: Bool, _ rm: RoundingMode) -> FPResult<UInt64> {
        if magnitude == 0 { return FPResult(value: 0) }
        return roundPack(UnpackedFloat(sign: negative, exponent: 62, unnormalizedSignificand: magnitude), rm)
    }

    /// Converts `a`, a value of format `Source`, to this format, rounding by `rm`.
    /// NaNs become the canonical NaN (NV when signalling); infinities and zeros keep their sign.
    static func convert<Source: FloatFormat>(_ a: UInt64, from source: Source.Type, _ rm: RoundingMode) -> FPResult<UInt64> {
        if Source.isNaN(a) { return canonicalNaN(invalid: Source.isSignalingNaN(a)) }
        let negative = Source.isSignNegative(a)
        if Source.isInfinite(a) { return FPResult(value: infinity(negative: negative)) }
        if Source.isZero(a) { return FPResult(value: zero(negative: negative)) }
        return roundPack(SoftFloat<Source>.unpack(a), rm)
    }
}
