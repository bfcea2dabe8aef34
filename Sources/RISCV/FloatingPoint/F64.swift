/// IEEE 754 binary64 (RISC-V D extension) operations on raw bit patterns, in integer arithmetic.
///
/// Every function is pure: it returns the result and the flags it raised, which the hart ORs into
/// `fflags`. NaN results are always the canonical NaN `0x7ff8000000000000` (no payload propagation).
/// Tininess is detected after rounding; subnormals are fully supported.
/// `rm` must already be resolved (dynamic rm 7 replaced by `frm`, invalid modes trapped by the hart).
public enum F64 {
    /// The RISC-V canonical NaN.
    public static let canonicalNaN: UInt64 = 0x7FF8_0000_0000_0000

    typealias Core = SoftFloat<Binary64>

    /// fadd.d: `a + b`. NV for inf - inf; an exact zero sum is +0, or -0 under `.down`.
    public static func add(_ a: UInt64, _ b: UInt64, _ rm: RoundingMode) -> FPResult<UInt64> {
        Core.add(a, b, rm)
    }

    /// fsub.d: `a - b`, with the rules of `add`.
    public static func sub(_ a: UInt64, _ b: UInt64, _ rm: RoundingMode) -> FPResult<UInt64> {
        Core.subtract(a, b, rm)
    }

    /// fmul.d: `a * b`. NV for 0 * inf.
    public static func mul(_ a: UInt64, _ b: UInt64, _ rm: RoundingMode) -> FPResult<UInt64> {
        Core.multiply(a, b, rm)
    }

    /// fdiv.d: `a / b`. DZ for finite nonzero / 0; NV for 0/0 and inf/inf.
    public static func div(_ a: UInt64, _ b: UInt64, _ rm: RoundingMode) -> FPResult<UInt64> {
        Core.divide(a, b, rm)
    }

    /// fsqrt.d. sqrt(-0) = -0; NV and canonical NaN for values below zero (including -inf).
    public static func sqrt(_ a: UInt64, _ rm: RoundingMode) -> FPResult<UInt64> {
        Core.squareRoot(a, rm)
    }

    /// `(±a * b) ± c` rounded once. fmadd.d: (false, false); fmsub.d: (false, true);
    /// fnmsub.d: (true, false); fnmadd.d: (true, true). NV for inf * 0 even when `c` is a quiet NaN.
    public static func fusedMultiplyAdd(_ a: UInt64, _ b: UInt64, _ c: UInt64,
                                        negateProduct: Bool = false, negateAddend: Bool = false,
                                        _ rm: RoundingMode) -> FPResult<UInt64> {
        Core.fusedMultiplyAdd(a, b, c, negateProduct: negateProduct, negateAddend: negateAddend, rm)
    }

    /// fmin.d: IEEE 754-2019 minimumNumber. -0 < +0; a single NaN yields the other operand; two NaNs
    /// yield the canonical NaN; NV when either operand is a signalling NaN.
    public static func min(_ a: UInt64, _ b: UInt64) -> FPResult<UInt64> {
        Core.minimumNumber(a, b)
    }

    /// fmax.d: IEEE 754-2019 maximumNumber, with the rules of `min`.
    public static func max(_ a: UInt64, _ b: UInt64) -> FPResult<UInt64> {
        Core.maximumNumber(a, b)
    }

    /// feq.d (quiet): false for any NaN, NV only for a signalling NaN; +0 == -0.
    public static func eq(_ a: UInt64, _ b: UInt64) -> FPResult<Bool> { Core.equal(a, b) }

    /// flt.d (signalling): false and NV when either operand is any NaN.
    public static func lt(_ a: UInt64, _ b: UInt64) -> FPResult<Bool> { Core.lessThan(a, b) }

    /// fle.d (signalling): false and NV when either operand is any NaN.
    public static func le(_ a: UInt64, _ b: UInt64) -> FPResult<Bool> { Core.lessThanOrEqual(a, b) }

    /// fclass.d: a 10-bit mask with exactly one `FloatClass` bit set. Raises no flags.
    public static func classify(_ a: UInt64) -> UInt16 { Core.classify(a) }

    /// fsgnj.d: `a` with the sign of `b` (fmv.d when a == b). No flags, NaNs unchanged.
    public static func injectSign(_ a: UInt64, _ b: UInt64) -> UInt64 {
        Core.injectSign(a, b)
    }

    /// fsgnjn.d: `a` with the opposite of the sign of `b` (fneg.d when a == b).
    public static func injectNegatedSign(_ a: UInt64, _ b: UInt64) -> UInt64 {
        Core.injectNegatedSign(a, b)
    }

    /// fsgnjx.d: `a` with sign(a) XOR sign(b) (fabs.d when a == b).
    public static func injectXorSign(_ a: UInt64, _ b: UInt64) -> UInt64 {
        Core.injectXorSign(a, b)
    }

    /// fcvt.w.d: rounds by `rm`, then saturates (NaN and too large: Int32.max; too small: Int32.min)
    /// with NV; NX when inexact in range. On RV64 the hart sign-extends the result to 64 bits.
    public static func toInt32(_ a: UInt64, _ rm: RoundingMode) -> FPResult<Int32> {
        let result = Core.toInteger(a, rm, signed: true, width: 32)
        return FPResult(value: Int32(truncatingIfNeeded: result.value), flags: result.flags)
    }

    /// fcvt.wu.d: rounds by `rm`, then saturates (NaN and too large: UInt32.max; below 0 after
    /// rounding: 0) with NV. On RV64 the hart sign-extends the 32-bit result (so UInt32.max becomes all ones).
    public static func toUInt32(_ a: UInt64, _ rm: RoundingMode) -> FPResult<UInt32> {
        F32.narrow(Core.toInteger(a, rm, signed: false, width: 32))
    }

    /// fcvt.l.d: as `toInt32` for 64 bits (NaN: Int64.max).
    public static func toInt64(_ a: UInt64, _ rm: RoundingMode) -> FPResult<Int64> {
        let result = Core.toInteger(a, rm, signed: true, width: 64)
        return FPResult(value: Int64(bitPattern: result.value), flags: result.flags)
    }

    /// fcvt.lu.d: as `toUInt32` for 64 bits (NaN: UInt64.max).
    public static func toUInt64(_ a: UInt64, _ rm: RoundingMode) -> FPResult<UInt64> {
        Core.toInteger(a, rm, signed: false, width: 64)
    }

    /// fcvt.d.w: exact (`rm` never matters). The hart passes the low 32 bits of the register.
    public static func fromInt32(_ value: Int32, _ rm: RoundingMode) -> FPResult<UInt64> {
        Core.fromInteger(magnitude: UInt64(value.magnitude), negative: value < 0, rm)
    }

    /// fcvt.d.wu: exact (`rm` never matters). The hart passes the low 32 bits of the register.
    public static func fromUInt32(_ value: UInt32, _ rm: RoundingMode) -> FPResult<UInt64> {
        Core.fromInteger(magnitude: UInt64(value), negative: false, rm)
    }

    /// fcvt.d.l: rounds by `rm`; NX when inexact.
    public static func fromInt64(_ value: Int64, _ rm: RoundingMode) -> FPResult<UInt64> {
        Core.fromInteger(magnitude: value.magnitude, negative: value < 0, rm)
    }

    /// fcvt.d.lu: rounds by `rm`; NX when inexact.
    public static func fromUInt64(_ value: UInt64, _ rm: RoundingMode) -> FPResult<UInt64> {
        Core.fromInteger(magnitude: value, negative: false, rm)
    }

    /// fcvt.s.d: rounds to binary32 by `rm` (NX, OF, UF as for arithmetic). NaNs become the
    /// canonical binary32 NaN, NV when signalling. The hart NaN-boxes the result.
    public static func toF32(_ a: UInt64, _ rm: RoundingMode) -> FPResult<UInt32> {
        F32.narrow(SoftFloat<Binary32>.convert(a, from: Binary64.self, rm))
    }
}
