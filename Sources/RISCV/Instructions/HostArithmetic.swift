/// Exact shortcuts through the host's floating point for the commonest F/D operations: add,
/// subtract, multiply, divide, square root and the fused multiply-adds under round-to-nearest-even,
/// the host's own mode.
///
/// A shortcut applies only when every operand is a normal number whose exponent lies in a window
/// far from both ends of the format's range (|unbiased exponent| <= 400 for binary64, <= 30 for
/// binary32). Inside it no result can overflow, underflow, be a NaN or be subnormal, so the only
/// flag an operation can raise is NX, and NX is decided exactly from an error-free transformation:
/// the TwoSum error of a sum, the FMA residual `a*b - p` of a product, `a - q*b` of a quotient and
/// `a - r*r` of a square root (each exactly representable in the window); a fused multiply-add
/// `r = a*b + c` is exact when the two-term expansions of `a*b` (product and FMA residual) and of
/// `r - c` (TwoSum) are equal, since round-to-nearest maps equal reals to equal expansions.
/// Every other case returns nil and the caller uses the IEEE library (`F32`/`F64`), which the
/// shortcuts must agree with bit for bit, value and flags (checked by `HostArithmeticTests`).
///
/// Assumes the host's default floating-point environment (round to nearest-even, no flush of
/// subnormals to zero), which tinyrv never changes; `addingProduct` is a correctly rounded FMA.
enum HostArithmetic {
    /// True when `bits` is a binary64 normal number with an unbiased exponent in -400...400.
    @inline(__always)
    static func inWindow(_ bits: UInt64) -> Bool { ((bits >> 52) & 0x7ff) &- 623 <= 800 }

    /// True when `bits` is a binary32 normal number with an unbiased exponent in -30...30.
    @inline(__always)
    static func inWindow(_ bits: UInt32) -> Bool { ((bits >> 23) & 0xff) &- 97 <= 60 }

    @inline(__always)
    static func flags(exact: Bool) -> FloatFlags { exact ? [] : .inexact }

    /// fadd.d under RNE, or nil.
    @inline(__always)
    static func add(_ a: UInt64, _ b: UInt64, _ rm: RoundingMode) -> FPResult<UInt64>? {
        guard rm == .nearestEven, inWindow(a), inWindow(b) else { return nil }
        let x = Double(bitPattern: a), y = Double(bitPattern: b)
        let (sum, error) = twoSum(x, y)
        return FPResult(value: sum.bitPattern, flags: flags(exact: error == 0))
    }

    /// fmul.d under RNE, or nil.
    @inline(__always)
    static func multiply(_ a: UInt64, _ b: UInt64, _ rm: RoundingMode) -> FPResult<UInt64>? {
        guard rm == .nearestEven, inWindow(a), inWindow(b) else { return nil }
        let x = Double(bitPattern: a), y = Double(bitPattern: b)
        let product = x * y
        return FPResult(value: product.bitPattern, flags: flags(exact: (-product).addingProduct(x, y) == 0))
    }

    /// fdiv.d under RNE, or nil.
    @inline(__always)
    static func divide(_ a: UInt64, _ b: UInt64, _ rm: RoundingMode) -> FPResult<UInt64>? {
        guard rm == .nearestEven, inWindow(a), inWindow(b) else { return nil }
        let x = Double(bitPattern: a), y = Double(bitPattern: b)
        let quotient = x / y
        return FPResult(value: quotient.bitPattern, flags: flags(exact: x.addingProduct(-quotient, y) == 0))
    }

    /// fsqrt.d under RNE for positive operands, or nil.
    @inline(__always)
    static func squareRoot(_ a: UInt64, _ rm: RoundingMode) -> FPResult<UInt64>? {
        guard rm == .nearestEven, a >> 63 == 0, inWindow(a) else { return nil }
        let x = Double(bitPattern: a)
        let root = x.squareRoot()
        return FPResult(value: root.bitPattern, flags: flags(exact: x.addingProduct(-root, root) == 0))
    }

    /// fadd.s under RNE, or nil.
    @inline(__always)
    static func add(_ a: UInt32, _ b: UInt32, _ rm: RoundingMode) -> FPResult<UInt32>? {
        guard rm == .nearestEven, inWindow(a), inWindow(b) else { return nil }
        let x = Float(bitPattern: a), y = Float(bitPattern: b)
        let (sum, error) = twoSum(x, y)
        return FPResult(value: sum.bitPattern, flags: flags(exact: error == 0))
    }

    /// fmul.s under RNE, or nil.
    @inline(__always)
    static func multiply(_ a: UInt32, _ b: UInt32, _ rm: RoundingMode) -> FPResult<UInt32>? {
        guard rm == .nearestEven, inWindow(a), inWindow(b) else { return nil }
        let x = Float(bitPattern: a), y = Float(bitPattern: b)
        let product = x * y
        return FPResult(value: product.bitPattern, flags: flags(exact: (-product).addingProduct(x, y) == 0))
    }

    /// fdiv.s under RNE, or nil.
    @inline(__always)
    static func divide(_ a: UInt32, _ b: UInt32, _ rm: RoundingMode) -> FPResult<UInt32>? {
        guard rm == .nearestEven, inWindow(a), inWindow(b) else { return nil }
        let x = Float(bitPattern: a), y = Float(bitPattern: b)
        let quotient = x / y
        return FPResult(value: quotient.bitPattern, flags: flags(exact: x.addingProduct(-quotient, y) == 0))
    }

    /// fsqrt.s under RNE for positive operands, or nil.
    @inline(__always)
    static func squareRoot(_ a: UInt32, _ rm: RoundingMode) -> FPResult<UInt32>? {
        guard rm == .nearestEven, a >> 31 == 0, inWindow(a) else { return nil }
        let x = Float(bitPattern: a)
        let root = x.squareRoot()
        return FPResult(value: root.bitPattern, flags: flags(exact: x.addingProduct(-root, root) == 0))
    }

    /// The fused multiply-adds (fmadd/fmsub/fnmsub/fnmadd.d by the negations) under RNE, or nil.
    @inline(__always)
    static func fusedMultiplyAdd(_ a: UInt64, _ b: UInt64, _ c: UInt64, negateProduct: Bool, negateAddend: Bool,
                                 _ rm: RoundingMode) -> FPResult<UInt64>? {
        guard rm == .nearestEven, inWindow(a), inWindow(b), inWindow(c) else { return nil }
        let x = Double(bitPattern: negateProduct ? a ^ 1 << 63 : a), y = Double(bitPattern: b)
        let z = Double(bitPattern: negateAddend ? c ^ 1 << 63 : c)
        let result = z.addingProduct(x, y)
        return FPResult(value: result.bitPattern, flags: flags(exact: isExactFusedResult(result, x, y, z)))
    }

    /// The single-precision fused multiply-adds under RNE, or nil.
    @inline(__always)
    static func fusedMultiplyAdd(_ a: UInt32, _ b: UInt32, _ c: UInt32, negateProduct: Bool, negateAddend: Bool,
                                 _ rm: RoundingMode) -> FPResult<UInt32>? {
        guard rm == .nearestEven, inWindow(a), inWindow(b), inWindow(c) else { return nil }
        let x = Float(bitPattern: negateProduct ? a ^ 1 << 31 : a), y = Float(bitPattern: b)
        let z = Float(bitPattern: negateAddend ? c ^ 1 << 31 : c)
        let result = z.addingProduct(x, y)
        return FPResult(value: result.bitPattern, flags: flags(exact: isExactFusedResult(result, x, y, z)))
    }

    /// Whether `result` (the rounded `x*y + z`) is exact: `x*y == result - z`, compared as the
    /// error-free expansions (rounded value, exact residual) of both sides.
    @inline(__always)
    static func isExactFusedResult<T: BinaryFloatingPoint>(_ result: T, _ x: T, _ y: T, _ z: T) -> Bool {
        let product = x * y, productError = (-product).addingProduct(x, y)
        let (difference, differenceError) = twoSum(result, -z)
        return product == difference && productError == differenceError
    }

    /// Knuth's TwoSum: `u + v == sum + error` exactly, with `sum` the rounded sum.
    @inline(__always)
    static func twoSum<T: BinaryFloatingPoint>(_ u: T, _ v: T) -> (sum: T, error: T) {
        let sum = u + v
        let vPart = sum - u
        let uPart = sum - vPart
        return (sum, (u - uPart) + (v - vPart))
    }
}
