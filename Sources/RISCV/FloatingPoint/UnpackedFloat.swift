/// A finite nonzero floating-point value in the working form of the generic core:
/// `(-1)^sign * significand * 2^(exponent - 62)`, with bit 62 of `significand` set (so the value is
/// `1.fff * 2^exponent`). Bits below the target precision are guard bits; bit 0 doubles as the
/// sticky bit, set when nonzero bits were shifted out. Bit 63 is headroom for carries.
struct UnpackedFloat {
    var sign: Bool
    var exponent: Int
    var significand: UInt64

    /// Wraps an already normalized significand (bit 62 set, bit 63 clear).
    init(sign: Bool, exponent: Int, significand: UInt64) {
        precondition(significand >> 62 == 1, "significand not normalized")
        self.sign = sign
        self.exponent = exponent
        self.significand = significand
    }

    /// Builds the working form of `significand * 2^(exponent - 62)` from any nonzero significand,
    /// shifting it so that bit 62 is the leading one (a right shift keeps a sticky bit).
    init(sign: Bool, exponent: Int, unnormalizedSignificand significand: UInt64) {
        precondition(significand != 0, "zero has no normalized form")
        self.sign = sign
        let leadingZeros = significand.leadingZeroBitCount
        if leadingZeros == 0 {
            self.exponent = exponent + 1
            self.significand = shiftRightJamming(significand, by: 1)
        } else {
            self.exponent = exponent - (leadingZeros - 1)
            self.significand = significand << UInt64(leadingZeros - 1)
        }
    }
}

/// `value >> count`, ORing every shifted-out bit into bit 0 (sticky), for any `count >= 0`.
@inline(__always)
func shiftRightJamming(_ value: UInt64, by count: Int) -> UInt64 {
    if count == 0 { return value }
    if count >= 64 { return value == 0 ? 0 : 1 }
    let lost = value << UInt64(64 - count)
    return (value >> UInt64(count)) | (lost == 0 ? 0 : 1)
}

extension SoftFloat {
    /// Unpacks a finite nonzero bit pattern (normal or subnormal) into the working form.
    static func unpack(_ bits: UInt64) -> UnpackedFloat {
        let biased = Format.biasedExponent(bits)
        precondition(biased != Format.maxBiasedExponent && !Format.isZero(bits), "unpack needs a finite nonzero value")
        let fraction = Format.fraction(bits)
        let sign = Format.isSignNegative(bits)
        let alignment = UInt64(62 - Format.fractionBits)
        if biased == 0 {
            return UnpackedFloat(sign: sign, exponent: 1 - Format.bias,
                                 unnormalizedSignificand: fraction << alignment)
        }
        let significand = (fraction | (1 << UInt64(Format.fractionBits))) << alignment
        return UnpackedFloat(sign: sign, exponent: biased - Format.bias, significand: significand)
    }

    /// A signed zero of this format.
    static func zero(negative: Bool) -> UInt64 { negative ? Format.signMask : 0 }

    /// A signed infinity of this format.
    static func infinity(negative: Bool) -> UInt64 { zero(negative: negative) | Format.infinity }

    /// The canonical NaN with `.invalid`, or with no flags when `invalid` is false.
    static func canonicalNaN(invalid: Bool) -> FPResult<UInt64> {
        FPResult(value: Format.canonicalNaN, flags: invalid ? .invalid : [])
    }

    /// The result of an operation with at least one NaN operand: the canonical NaN (RISC-V propagates
    /// no payload), with NV if any operand is a signalling NaN. Absent operands default to zero.
    static func nanResult(_ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> FPResult<UInt64> {
        canonicalNaN(invalid: Format.isSignalingNaN(a) || Format.isSignalingNaN(b) || Format.isSignalingNaN(c))
    }
}
