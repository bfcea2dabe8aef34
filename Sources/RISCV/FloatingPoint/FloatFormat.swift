/// Describes an IEEE 754 binary interchange format (binary32 or binary64) so that one generic core
/// (`SoftFloat<Format>`) implements every operation for both. Bit patterns are carried in the low
/// bits of a `UInt64`; bits above `Format.width` are always zero.
protocol FloatFormat {
    /// Number of exponent bits (8 or 11).
    static var exponentBits: Int { get }
    /// Number of stored fraction bits (23 or 52); the precision is one more.
    static var fractionBits: Int { get }
}

enum Binary32: FloatFormat {
    static var exponentBits: Int { 8 }
    static var fractionBits: Int { 23 }
}

enum Binary64: FloatFormat {
    static var exponentBits: Int { 11 }
    static var fractionBits: Int { 52 }
}

extension FloatFormat {
    /// Total width in bits.
    static var width: Int { 1 + exponentBits + fractionBits }
    /// Significand precision in bits, counting the hidden bit.
    static var precision: Int { fractionBits + 1 }
    /// Exponent bias.
    static var bias: Int { (1 << (exponentBits - 1)) - 1 }
    /// The all-ones biased exponent of infinities and NaNs.
    static var maxBiasedExponent: Int { (1 << exponentBits) - 1 }
    static var fractionMask: UInt64 { (1 << UInt64(fractionBits)) - 1 }
    static var signMask: UInt64 { 1 << UInt64(width - 1) }
    /// The most significant fraction bit: set in quiet NaNs, clear in signalling NaNs.
    static var quietBit: UInt64 { 1 << UInt64(fractionBits - 1) }
    /// Positive infinity.
    static var infinity: UInt64 { UInt64(maxBiasedExponent) << UInt64(fractionBits) }
    /// The largest finite positive number.
    static var maxFinite: UInt64 { infinity - 1 }
    /// The RISC-V canonical NaN: positive, quiet, zero payload (0x7fc00000 / 0x7ff8000000000000).
    static var canonicalNaN: UInt64 { infinity | quietBit }

    static func isSignNegative(_ bits: UInt64) -> Bool { bits & signMask != 0 }
    static func biasedExponent(_ bits: UInt64) -> Int { Int((bits >> UInt64(fractionBits)) & UInt64(maxBiasedExponent)) }
    static func fraction(_ bits: UInt64) -> UInt64 { bits & fractionMask }
    static func magnitude(_ bits: UInt64) -> UInt64 { bits & ~signMask }

    static func isNaN(_ bits: UInt64) -> Bool { magnitude(bits) > infinity }
    static func isSignalingNaN(_ bits: UInt64) -> Bool { isNaN(bits) && bits & quietBit == 0 }
    static func isInfinite(_ bits: UInt64) -> Bool { magnitude(bits) == infinity }
    static func isZero(_ bits: UInt64) -> Bool { magnitude(bits) == 0 }
}
