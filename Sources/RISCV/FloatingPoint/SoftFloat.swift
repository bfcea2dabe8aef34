/// The generic software floating-point core: every operation implemented once, in integer
/// arithmetic, for any `FloatFormat`. The public facades `F32` and `F64` wrap it.
///
/// Results are exact IEEE 754-2019 results under RISC-V rules: every NaN result is the canonical
/// NaN, tininess is detected after rounding, and subnormals are never flushed.
enum SoftFloat<Format: FloatFormat> {}

extension SoftFloat {
    /// Rounds `value` to the format's precision and exponent range by `rm` and packs it.
    ///
    /// Raises NX when inexact, OF (with NX) when the rounded result exceeds the largest finite
    /// number, and UF when the result is tiny after rounding and inexact.
    static func roundPack(_ value: UnpackedFloat, _ rm: RoundingMode) -> FPResult<UInt64> {
        precondition(value.significand >> 62 == 1, "roundPack needs a normalized significand")
        let droppedBits = 63 - Format.precision
        let sign = zero(negative: value.sign)
        let biased = value.exponent + Format.bias
        if biased >= Format.maxBiasedExponent { return overflow(negative: value.sign, rm) }
        if biased >= 1 {
            let (rounded, inexact) = roundSignificand(value.significand, dropping: droppedBits, negative: value.sign, rm)
            // A carry out of the significand increments the exponent through the addition.
            let bits = (UInt64(biased - 1) << UInt64(Format.fractionBits)) + rounded
            if bits >= Format.infinity { return overflow(negative: value.sign, rm) }
            return FPResult(value: sign | bits, flags: inexact ? .inexact : [])
        }
        // Tininess after rounding: tiny unless rounding with an unbounded exponent reaches 2^emin.
        let tiny: Bool
        if biased < 0 {
            tiny = true
        } else {
            let (unbounded, _) = roundSignificand(value.significand, dropping: droppedBits, negative: value.sign, rm)
            tiny = unbounded < (1 << UInt64(Format.precision))
        }
        let subnormal = shiftRightJamming(value.significand, by: 1 - biased)
        // A carry into the hidden bit yields the smallest normal number's encoding.
        let (rounded, inexact) = roundSignificand(subnormal, dropping: droppedBits, negative: value.sign, rm)
        var flags: FloatFlags = []
        if inexact { flags.insert(tiny ? [.inexact, .underflow] : .inexact) }
        return FPResult(value: sign | rounded, flags: flags)
    }

    /// The result of an overflow: infinity or the largest finite number, by `rm` and sign; OF and NX.
    static func overflow(negative: Bool, _ rm: RoundingMode) -> FPResult<UInt64> {
        let toInfinity: Bool
        switch rm {
        case .nearestEven, .nearestMaxMagnitude: toInfinity = true
        case .towardZero: toInfinity = false
        case .down: toInfinity = negative
        case .up: toInfinity = !negative
        }
        let magnitude = toInfinity ? Format.infinity : Format.maxFinite
        return FPResult(value: zero(negative: negative) | magnitude, flags: [.overflow, .inexact])
    }
}

/// Drops the low `count` bits (1...63) of a magnitude, rounding by `rm` for a value of the given
/// sign; returns the rounded magnitude (which may carry into a new top bit) and whether it is inexact.
@inline(__always)
func roundSignificand(_ value: UInt64, dropping count: Int, negative: Bool, _ rm: RoundingMode) -> (UInt64, Bool) {
    precondition(count >= 1 && count <= 63)
    let rest = value & ((1 << UInt64(count)) - 1)
    var kept = value >> UInt64(count)
    if rest == 0 { return (kept, false) }
    let half: UInt64 = 1 << UInt64(count - 1)
    let roundUp: Bool
    switch rm {
    case .nearestEven: roundUp = rest > half || (rest == half && kept & 1 == 1)
    case .nearestMaxMagnitude: roundUp = rest >= half
    case .towardZero: roundUp = false
    case .down: roundUp = negative
    case .up: roundUp = !negative
    }
    if roundUp { kept += 1 }
    return (kept, true)
}
