extension SoftFloat {
    /// `a * b` rounded by `rm`. NV (canonical NaN) for 0 * inf.
    static func multiply(_ a: UInt64, _ b: UInt64, _ rm: RoundingMode) -> FPResult<UInt64> {
        if Format.isNaN(a) || Format.isNaN(b) { return nanResult(a, b) }
        let negative = Format.isSignNegative(a) != Format.isSignNegative(b)
        if Format.isInfinite(a) || Format.isInfinite(b) {
            if Format.isZero(a) || Format.isZero(b) { return canonicalNaN(invalid: true) }
            return FPResult(value: infinity(negative: negative))
        }
        if Format.isZero(a) || Format.isZero(b) { return FPResult(value: zero(negative: negative)) }
        let x = unpack(a), y = unpack(b)
        // The 2^124..2^126 product, scaled back to the working form with a sticky bit.
        let product = Wide128.product(x.significand, y.significand).shiftedRightJamming(62)
        let result = UnpackedFloat(sign: negative, exponent: x.exponent + y.exponent,
                                   unnormalizedSignificand: product.low)
        return roundPack(result, rm)
    }

    /// `a / b` rounded by `rm`. DZ (signed infinity) for finite nonzero / 0; NV (canonical NaN)
    /// for 0/0 and inf/inf.
    static func divide(_ a: UInt64, _ b: UInt64, _ rm: RoundingMode) -> FPResult<UInt64> {
        if Format.isNaN(a) || Format.isNaN(b) { return nanResult(a, b) }
        let negative = Format.isSignNegative(a) != Format.isSignNegative(b)
        if Format.isInfinite(a) {
            if Format.isInfinite(b) { return canonicalNaN(invalid: true) }
            return FPResult(value: infinity(negative: negative))
        }
        if Format.isInfinite(b) { return FPResult(value: zero(negative: negative)) }
        if Format.isZero(b) {
            if Format.isZero(a) { return canonicalNaN(invalid: true) }
            return FPResult(value: infinity(negative: negative), flags: .divideByZero)
        }
        if Format.isZero(a) { return FPResult(value: zero(negative: negative)) }
        let x = unpack(a), y = unpack(b)
        // Scale the dividend so the quotient lands in [2^62, 2^63); the remainder becomes sticky.
        let scale: UInt64 = x.significand >= y.significand ? 62 : 63
        let dividend = Wide128(high: x.significand >> (64 - scale), low: x.significand << scale)
        let (quotient, remainder) = y.significand.dividingFullWidth((dividend.high, dividend.low))
        let exponent = x.exponent - y.exponent - Int(scale - 62)
        let result = UnpackedFloat(sign: negative, exponent: exponent,
                                   significand: quotient | (remainder == 0 ? 0 : 1))
        return roundPack(result, rm)
    }

    /// The square root rounded by `rm`. sqrt(-0) = -0; NV (canonical NaN) for any value below zero.
    static func squareRoot(_ a: UInt64, _ rm: RoundingMode) -> FPResult<UInt64> {
        if Format.isNaN(a) { return nanResult(a) }
        if Format.isZero(a) { return FPResult(value: a) }
        if Format.isSignNegative(a) { return canonicalNaN(invalid: true) }
        if Format.isInfinite(a) { return FPResult(value: a) }
        let x = unpack(a)
        // value = M * 2^(2 * (exponent >> 1) - 124) with M in [2^124, 2^126), so sqrt(M) is in [2^62, 2^63).
        let radicand = Wide128(high: 0, low: x.significand).shiftedLeft(62 + (x.exponent & 1))
        let (root, exact) = integerSquareRoot(radicand)
        let result = UnpackedFloat(sign: false, exponent: x.exponent >> 1, significand: root | (exact ? 0 : 1))
        return roundPack(result, rm)
    }

    /// floor(sqrt(n)) for n in [2^124, 2^126), by integer Newton iteration from above, and whether
    /// it is exact.
    private static func integerSquareRoot(_ n: Wide128) -> (root: UInt64, exact: Bool) {
        precondition(n.high >> 60 != 0 && n.high >> 62 == 0)
        // Every iterate stays >= floor(sqrt(n)) >= 2^62 > n.high, so the divisions cannot overflow.
        var root = UInt64(1) << 63 - 1
        while true {
            let quotient = root.dividingFullWidth((n.high, n.low)).quotient
            let next = (root >> 1) + (quotient >> 1) + (root & quotient & 1)
            if next >= root { break }
            root = next
        }
        let square = Wide128.product(root, root)
        return (root, square == n)
    }
}
