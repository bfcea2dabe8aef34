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
    @inline(__always)
    static func flags(exact: Bool) -> FloatFlags { exact ? [] : .inexact }

    /// fadd.s/fadd.d under RNE, or nil.
    @inline(__always)
    static func add<Bits: HostFloatBits>(_ a: Bits, _ b: Bits, _ rm: RoundingMode) -> FPResult<Bits>? {
        guard rm == .nearestEven, a.isInShortcutWindow, b.isInShortcutWindow else { return nil }
        let (sum, error) = twoSum(a.host, b.host)
        return FPResult(value: Bits(host: sum), flags: flags(exact: error == 0))
    }

    /// fmul.s/fmul.d under RNE, or nil.
    @inline(__always)
    static func multiply<Bits: HostFloatBits>(_ a: Bits, _ b: Bits, _ rm: RoundingMode) -> FPResult<Bits>? {
        guard rm == .nearestEven, a.isInShortcutWindow, b.isInShortcutWindow else { return nil }
        let x = a.host, y = b.host
        let product = x * y
        return FPResult(value: Bits(host: product), flags: flags(exact: (-product).addingProduct(x, y) == 0))
    }

    /// fdiv.s/fdiv.d under RNE, or nil.
    @inline(__always)
    static func divide<Bits: HostFloatBits>(_ a: Bits, _ b: Bits, _ rm: RoundingMode) -> FPResult<Bits>? {
        guard rm == .nearestEven, a.isInShortcutWindow, b.isInShortcutWindow else { return nil }
        let x = a.host, y = b.host
        let quotient = x / y
        return FPResult(value: Bits(host: quotient), flags: flags(exact: x.addingProduct(-quotient, y) == 0))
    }

    /// fsqrt.s/fsqrt.d under RNE for positive operands, or nil.
    @inline(__always)
    static func squareRoot<Bits: HostFloatBits>(_ a: Bits, _ rm: RoundingMode) -> FPResult<Bits>? {
        guard rm == .nearestEven, a & Bits.signBit == 0, a.isInShortcutWindow else { return nil }
        let x = a.host
        let root = x.squareRoot()
        return FPResult(value: Bits(host: root), flags: flags(exact: x.addingProduct(-root, root) == 0))
    }

    /// The fused multiply-adds (fmadd/fmsub/fnmsub/fnmadd by the negations) under RNE, or nil.
    @inline(__always)
    static func fusedMultiplyAdd<Bits: HostFloatBits>(_ a: Bits, _ b: Bits, _ c: Bits, negateProduct: Bool,
                                                      negateAddend: Bool, _ rm: RoundingMode) -> FPResult<Bits>? {
        guard rm == .nearestEven, a.isInShortcutWindow, b.isInShortcutWindow, c.isInShortcutWindow else { return nil }
        let x = (negateProduct ? a ^ Bits.signBit : a).host, y = b.host
        let z = (negateAddend ? c ^ Bits.signBit : c).host
        let result = z.addingProduct(x, y)
        return FPResult(value: Bits(host: result), flags: flags(exact: isExactFusedResult(result, x, y, z)))
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

/// The raw bits of a binary32 or binary64 value, with the host type that computes on them.
protocol HostFloatBits: FixedWidthInteger, UnsignedInteger {
    associatedtype Host: BinaryFloatingPoint
    /// The value these bits encode.
    var host: Host { get }
    /// The bits of `host`.
    init(host: Host)
    /// True for a normal number whose unbiased exponent lies in the shortcut window.
    var isInShortcutWindow: Bool { get }
    static var signBit: Self { get }
    /// The operand of this format in an f register (a binary32 is NaN-unboxed).
    static func unbox(_ register: UInt64) -> Self
    /// The f register value of a result of this format (a binary32 is NaN-boxed).
    static func box(_ value: Self) -> UInt64
}

extension UInt64: HostFloatBits {
    var host: Double { Double(bitPattern: self) }
    init(host: Double) { self = host.bitPattern }
    /// Unbiased exponent in -400...400.
    var isInShortcutWindow: Bool { ((self >> 52) & 0x7ff) &- 623 <= 800 }
    static var signBit: UInt64 { 1 << 63 }
    static func unbox(_ register: UInt64) -> UInt64 { register }
    static func box(_ value: UInt64) -> UInt64 { value }
}

extension UInt32: HostFloatBits {
    var host: Float { Float(bitPattern: self) }
    init(host: Float) { self = host.bitPattern }
    /// Unbiased exponent in -30...30.
    var isInShortcutWindow: Bool { ((self >> 23) & 0xff) &- 97 <= 60 }
    static var signBit: UInt32 { 1 << 31 }
    static func unbox(_ register: UInt64) -> UInt32 { unboxF32(register) }
    static func box(_ value: UInt32) -> UInt64 { boxF32(value) }
}
