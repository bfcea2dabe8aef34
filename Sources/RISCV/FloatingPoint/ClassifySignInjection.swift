/// The fclass result bits, one per class; exactly one is set in every fclass result.
public enum FloatClass {
    public static let negativeInfinity: UInt16 = 1 << 0
    public static let negativeNormal: UInt16 = 1 << 1
    public static let negativeSubnormal: UInt16 = 1 << 2
    public static let negativeZero: UInt16 = 1 << 3
    public static let positiveZero: UInt16 = 1 << 4
    public static let positiveSubnormal: UInt16 = 1 << 5
    public static let positiveNormal: UInt16 = 1 << 6
    public static let positiveInfinity: UInt16 = 1 << 7
    public static let signalingNaN: UInt16 = 1 << 8
    public static let quietNaN: UInt16 = 1 << 9
}

extension SoftFloat {
    /// The fclass mask of `a` (see `FloatClass`). Raises no flags.
    static func classify(_ a: UInt64) -> UInt16 {
        if Format.isNaN(a) { return Format.isSignalingNaN(a) ? FloatClass.signalingNaN : FloatClass.quietNaN }
        let negative = Format.isSignNegative(a)
        if Format.isInfinite(a) { return negative ? FloatClass.negativeInfinity : FloatClass.positiveInfinity }
        if Format.isZero(a) { return negative ? FloatClass.negativeZero : FloatClass.positiveZero }
        if Format.biasedExponent(a) == 0 { return negative ? FloatClass.negativeSubnormal : FloatClass.positiveSubnormal }
        return negative ? FloatClass.negativeNormal : FloatClass.positiveNormal
    }

    /// fsgnj: `a` with the sign of `b`. Bit manipulation only: NaNs pass unchanged, no flags.
    static func injectSign(_ a: UInt64, _ b: UInt64) -> UInt64 {
        Format.magnitude(a) | (b & Format.signMask)
    }

    /// fsgnjn: `a` with the opposite of the sign of `b`.
    static func injectNegatedSign(_ a: UInt64, _ b: UInt64) -> UInt64 {
        Format.magnitude(a) | (~b & Format.signMask)
    }

    /// fsgnjx: `a` with the sign of `a` XOR the sign of `b`.
    static func injectXorSign(_ a: UInt64, _ b: UInt64) -> UInt64 {
        a ^ (b & Format.signMask)
    }
}
