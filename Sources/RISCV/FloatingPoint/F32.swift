/// IEEE 754 binary32 (RISC-V F extension) operations on raw bit patterns, in integer arithmetic.
///
/// Every function is pure: it returns the result and the flags it raised, which the hart ORs into
/// `fflags`. NaN results are always the canonical NaN `0x7fc00000` (no payload propagation).
/// Tininess is detected after rounding; subnormals are fully supported. Operands read from
/// f registers must first go through `unboxF32`, and results must be written back with `boxF32`.
/// `rm` must already be resolved (dynamic rm 7 replaced by `frm`, invalid modes trapped by the hart).
public enum F32 {
    /// The RISC-V canonical NaN.
    public static let canonicalNaN: UInt32 = 0x7FC0_0000

    typealias Core = SoftFloat<Binary32>

    /// fadd.s: `a + b`. NV for inf - inf; an exact zero sum is +0, or -0 under `.down`.
    public static func add(_ a: UInt32, _ b: UInt32, _ rm: RoundingMode) -> FPResult<UInt32> {
        narrow(Core.add(UInt64(a), UInt64(b), rm))
    }

    /// fsub.s: `a - b`, with the rules of `add`.
    public static func sub(_ a: UInt32, _ b: UInt32, _ rm: RoundingMode) -> FPResult<UInt32> {
        narrow(Core.subtract(UInt64(a), UInt64(b), rm))
    }

    /// fmul.s: `a * b`. NV for 0 * inf.
    public static func mul(_ a: UInt32, _ b: UInt32, _ rm: RoundingMode) -> FPResult<UInt32> {
        narrow(Core.multiply(UInt64(a), UInt64(b), rm))
    }

    /// fdiv.s: `a / b`. DZ for finite nonzero / 0; NV for 0/0 and inf/inf.
    public static func div(_ a: UInt32, _ b: UInt32, _ rm: RoundingMode) -> FPResult<UInt32> {
        narrow(Core.divide(UInt64(a), UInt64(b), rm))
    }

    /// fsqrt.s. sqrt(-0) = -0; NV and canonical NaN for values below zero (including -inf).
    public static func sqrt(_ a: UInt32, _ rm: RoundingMode) -> FPResult<UInt32> {
        narrow(Core.squareRoot(UInt64(a), rm))
    }

    /// `(±a * b) ± c` rounded once. fmadd.s: (false, false); fmsub.s: (false, true);
    /// fnmsub.s: (true, false); fnmadd.s: (true, true). NV for inf * 0 even when `c` is a quiet NaN.
    public static func fusedMultiplyAdd(_ a: UInt32, _ b: UInt32, _ c: UInt32,
                                        negateProduct: Bool = false, negateAddend: Bool = false,
                                        _ rm: RoundingMode) -> FPResult<UInt32> {
        narrow(Core.fusedMultiplyAdd(UInt64(a), UInt64(b), UInt64(c),
                                     negateProduct: negateProduct, negateAddend: negateAddend, rm))
    }

    /// fmin.s: IEEE 754-2019 minimumNumber. -0 < +0; a single NaN yields the other operand; two NaNs
    /// yield the canonical NaN; NV when either operand is a signalling NaN.
    public static func min(_ a: UInt32, _ b: UInt32) -> FPResult<UInt32> {
        narrow(Core.minimumNumber(UInt64(a), UInt64(b)))
    }

    /// fmax.s: IEEE 754-2019 maximumNumber, with the rules of `min`.
    public static func max(_ a: UInt32, _ b: UInt32) -> FPResult<UInt32> {
        narrow(Core.maximumNumber(UInt64(a), UInt64(b)))
    }

    /// feq.s (quiet): false for any NaN, NV only for a signalling NaN; +0 == -0.
    public static func eq(_ a: UInt32, _ b: UInt32) -> FPResult<Bool> { Core.equal(UInt64(a), UInt64(b)) }

    /// flt.s (signalling): false and NV when either operand is any NaN.
    public static func lt(_ a: UInt32, _ b: UInt32) -> FPResult<Bool> { Core.lessThan(UInt64(a), UInt64(b)) }

    /// fle.s (signalling): false and NV when either operand is any NaN.
    public static func le(_ a: UInt32, _ b: UInt32) -> FPResult<Bool> { Core.lessThanOrEqual(UInt64(a), UInt64(b)) }

    /// fclass.s: a 10-bit mask with exactly one `FloatClass` bit set. Raises no flags.
    public static func classify(_ a: UInt32) -> UInt16 { Core.classify(UInt64(a)) }

    /// fsgnj.s: `a` with the sign of `b` (fmv.s when a == b). No flags, NaNs unchanged.
    public static func injectSign(_ a: UInt32, _ b: UInt32) -> UInt32 {
        UInt32(truncatingIfNeeded: Core.injectSign(UInt64(a), UInt64(b)))
    }

    /// fsgnjn.s: `a` with the opposite of the sign of `b` (fneg.s when a == b).
    public static func injectNegatedSign(_ a: UInt32, _ b: UInt32) -> UInt32 {
        UInt32(truncatingIfNeeded: Core.injectNegatedSign(UInt64(a), UInt64(b)))
    }

    /// fsgnjx.s: `a` with sign(a) XOR sign(b) (fabs.s when a == b).
    public static func injectXorSign(_ a: UInt32, _ b: UInt32) -> UInt32 {
        UInt32(truncatingIfNeeded: Core.injectXorSign(UInt64(a), UInt64(b)))
    }

    /// fcvt.w.s: rounds by `rm`, then saturates (NaN and too large: Int32.max; too small: Int32.min)
    /// with NV; NX when inexact in range. On RV64 the hart sign-extends the result to 64 bits.
    public static func toInt32(_ a: UInt32, _ rm: RoundingMode) -> FPResult<Int32> {
        let result = Core.toInteger(UInt64(a), rm, signed: true, width: 32)
        return FPResult(value: Int32(truncatingIfNeeded: result.value), flags: result.flags)
    }

    /// fcvt.wu.s: rounds by `rm`, then saturates (NaN and too large: UInt32.max; below 0 after
    /// rounding: 0) with NV. On RV64 the hart sign-extends the 32-bit result (so UInt32.max becomes all ones).
    public static func toUInt32(_ a: UInt32, _ rm: RoundingMode) -> FPResult<UInt32> {
        narrow(Core.toInteger(UInt64(a), rm, signed: false, width: 32))
    }

    /// fcvt.l.s: as `toInt32` for 64 bits (NaN: Int64.max).
    public static func toInt64(_ a: UInt32, _ rm: RoundingMode) -> FPResult<Int64> {
        let result = Core.toInteger(UInt64(a), rm, signed: true, width: 64)
        return FPResult(value: Int64(bitPattern: result.value), flags: result.flags)
    }

    /// fcvt.lu.s: as `toUInt32` for 64 bits (NaN: UInt64.max).
    public static func toUInt64(_ a: UInt32, _ rm: RoundingMode) -> FPResult<UInt64> {
        Core.toInteger(UInt64(a), rm, signed: false, width: 64)
    }

    /// fcvt.s.w: rounds by `rm`; NX when inexact. The hart passes the low 32 bits of the register.
    public static func fromInt32(_ value: Int32, _ rm: RoundingMode) -> FPResult<UInt32> {
        narrow(Core.fromInteger(magnitude: UInt64(value.magnitude), negative: value < 0, rm))
    }

    /// fcvt.s.wu: rounds by `rm`; NX when inexact. The hart passes the low 32 bits of the register.
    public static func fromUInt32(_ value: UInt32, _ rm: RoundingMode) -> FPResult<UInt32> {
        narrow(Core.fromInteger(magnitude: UInt64(value), negative: false, rm))
    }

    /// fcvt.s.l: rounds by `rm`; NX when inexact.
    public static func fromInt64(_ value: Int64, _ rm: RoundingMode) -> FPResult<UInt32> {
        narrow(Core.fromInteger(magnitude: value.magnitude, negative: value < 0, rm))
    }

    /// fcvt.s.lu: rounds by `rm`; NX when inexact.
    public static func fromUInt64(_ value: UInt64, _ rm: RoundingMode) -> FPResult<UInt32> {
        narrow(Core.fromInteger(magnitude: value, negative: false, rm))
    }

    /// fcvt.d.s: exact widening. NaNs become the canonical binary64 NaN, NV when signalling.
    public static func toF64(_ a: UInt32) -> FPResult<UInt64> {
        SoftFloat<Binary64>.convert(UInt64(a), from: Binary32.self, .nearestEven)
    }

    /// Truncates a core result, whose upper 32 bits are zero, to binary32 width.
    static func narrow(_ result: FPResult<UInt64>) -> FPResult<UInt32> {
        FPResult(value: UInt32(truncatingIfNeeded: result.value), flags: result.flags)
    }
}
