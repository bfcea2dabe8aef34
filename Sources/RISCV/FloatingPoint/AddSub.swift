extension SoftFloat {
    /// `a + b` rounded by `rm`. An exact zero sum of nonzero operands is +0, or -0 under `.down`.
    static func add(_ a: UInt64, _ b: UInt64, _ rm: RoundingMode) -> FPResult<UInt64> {
        if Format.isNaN(a) || Format.isNaN(b) { return nanResult(a, b) }
        let aNegative = Format.isSignNegative(a), bNegative = Format.isSignNegative(b)
        if Format.isInfinite(a) {
            if Format.isInfinite(b) && aNegative != bNegative { return canonicalNaN(invalid: true) }
            return FPResult(value: a)
        }
        if Format.isInfinite(b) { return FPResult(value: b) }
        if Format.isZero(a) {
            if Format.isZero(b) {
                let negative = aNegative == bNegative ? aNegative : rm == .down
                return FPResult(value: zero(negative: negative))
            }
            return FPResult(value: b)
        }
        if Format.isZero(b) { return FPResult(value: a) }
        return addFinite(unpack(a), unpack(b), rm)
    }

    /// `a - b` rounded by `rm`: `a + (-b)`, including for NaN and zero operands.
    static func subtract(_ a: UInt64, _ b: UInt64, _ rm: RoundingMode) -> FPResult<UInt64> {
        add(a, b ^ Format.signMask, rm)
    }

    /// Adds two finite nonzero values exactly, then rounds once.
    private static func addFinite(_ a: UnpackedFloat, _ b: UnpackedFloat, _ rm: RoundingMode) -> FPResult<UInt64> {
        let (large, small) = a.exponent >= b.exponent ? (a, b) : (b, a)
        // The 62 - precision guard bits keep the aligned sum exact up to the sticky bit.
        let aligned = shiftRightJamming(small.significand, by: large.exponent - small.exponent)
        if large.sign == small.sign {
            let sum = UnpackedFloat(sign: large.sign, exponent: large.exponent,
                                    unnormalizedSignificand: large.significand + aligned)
            return roundPack(sum, rm)
        }
        if large.significand == aligned { return FPResult(value: zero(negative: rm == .down)) }
        let difference = large.significand > aligned
            ? UnpackedFloat(sign: large.sign, exponent: large.exponent,
                            unnormalizedSignificand: large.significand - aligned)
            : UnpackedFloat(sign: small.sign, exponent: large.exponent,
                            unnormalizedSignificand: aligned - large.significand)
        return roundPack(difference, rm)
    }
}
