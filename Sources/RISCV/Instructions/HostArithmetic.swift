/// Exact shortcuts through the host's floating point for the commonest F/D operations: add,
/// subtract, multiply, divide and square root under round-to-nearest-even, the host's own mode.
///
/// A shortcut applies only when every operand is a normal number whose exponent lies in a window
/// far from both ends of the format's range (|unbiased exponent| <= 400 for binary64, <= 30 for
/// binary32). Inside it no result can overflow, underflow, be a NaN or be subnormal, so the only
/// flag an operation can raise is NX, and NX is decided exactly from an error-free transformation:
/// the TwoSum error of a sum, the FMA residual `a*b - p` of a product, `a - q*b` of a quotient and
/// `a - r*r` of a square root (each exactly representable in the window). Every other case returns
/// nil and the caller uses the IEEE library (`F32`/`F64`), which the shortcuts must agree with bit
/// for bit, value and flags (checked by `HostArithmeticTests` against the library).
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
        let sum = x + y
        let yPart = sum - x
        let error = (x - (sum - yPart)) + (y - yPart)
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
        let sum = x + y
        let yPart = sum - x
        let error = (x - (sum - yPart)) + (y - yPart)
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
}
