extension SoftFloat {
    /// Quiet equality (feq): false when either operand is NaN, NV only for a signalling NaN.
    /// +0 equals -0.
    static func equal(_ a: UInt64, _ b: UInt64) -> FPResult<Bool> {
        if Format.isNaN(a) || Format.isNaN(b) {
            let signaling = Format.isSignalingNaN(a) || Format.isSignalingNaN(b)
            return FPResult(value: false, flags: signaling ? .invalid : [])
        }
        return FPResult(value: a == b || (Format.isZero(a) && Format.isZero(b)))
    }

    /// Signalling less-than (flt): false with NV when either operand is any NaN.
    static func lessThan(_ a: UInt64, _ b: UInt64) -> FPResult<Bool> {
        if Format.isNaN(a) || Format.isNaN(b) { return FPResult(value: false, flags: .invalid) }
        return FPResult(value: orderedLess(a, b))
    }

    /// Signalling less-than-or-equal (fle): false with NV when either operand is any NaN.
    static func lessThanOrEqual(_ a: UInt64, _ b: UInt64) -> FPResult<Bool> {
        if Format.isNaN(a) || Format.isNaN(b) { return FPResult(value: false, flags: .invalid) }
        return FPResult(value: !orderedLess(b, a))
    }

    /// IEEE 754-2019 minimumNumber (fmin): -0 < +0; one NaN operand yields the other operand;
    /// two NaNs yield the canonical NaN; NV when either is a signalling NaN.
    static func minimumNumber(_ a: UInt64, _ b: UInt64) -> FPResult<UInt64> {
        selectNumber(a, b) { x, y in totalLess(x, y) ? x : y }
    }

    /// IEEE 754-2019 maximumNumber (fmax), with the NaN and signed-zero rules of `minimumNumber`.
    static func maximumNumber(_ a: UInt64, _ b: UInt64) -> FPResult<UInt64> {
        selectNumber(a, b) { x, y in totalLess(x, y) ? y : x }
    }

    private static func selectNumber(_ a: UInt64, _ b: UInt64,
                                     _ pick: (UInt64, UInt64) -> UInt64) -> FPResult<UInt64> {
        let flags: FloatFlags = Format.isSignalingNaN(a) || Format.isSignalingNaN(b) ? .invalid : []
        switch (Format.isNaN(a), Format.isNaN(b)) {
        case (true, true): return FPResult(value: Format.canonicalNaN, flags: flags)
        case (true, false): return FPResult(value: b, flags: flags)
        case (false, true): return FPResult(value: a, flags: flags)
        case (false, false): return FPResult(value: pick(a, b), flags: flags)
        }
    }

    /// a < b for non-NaN operands, with +0 == -0.
    private static func orderedLess(_ a: UInt64, _ b: UInt64) -> Bool {
        if Format.isZero(a) && Format.isZero(b) { return false }
        return totalLess(a, b)
    }

    /// a < b for non-NaN operands, with -0 < +0.
    private static func totalLess(_ a: UInt64, _ b: UInt64) -> Bool {
        let aNegative = Format.isSignNegative(a), bNegative = Format.isSignNegative(b)
        if aNegative != bNegative { return aNegative }
        let aMagnitude = Format.magnitude(a), bMagnitude = Format.magnitude(b)
        return aNegative ? aMagnitude > bMagnitude : aMagnitude < bMagnitude
    }
}
