/// An IEEE 754 rounding direction, encoded as the RISC-V `rm` field / `frm` CSR value.
///
/// Encodings 5 and 6 are reserved and 7 means "dynamic" (use `frm`); none of them is a case, so
/// `RoundingMode(rawValue:)` returns nil for them. The hart resolves 7 from `frm` and treats an
/// unresolvable mode (a reserved static rm, or `frm` holding 5..7) as an illegal instruction.
public enum RoundingMode: UInt8, CaseIterable, Sendable {
    /// RNE: round to nearest, ties to even.
    case nearestEven = 0
    /// RTZ: round toward zero.
    case towardZero = 1
    /// RDN: round down, toward negative infinity.
    case down = 2
    /// RUP: round up, toward positive infinity.
    case up = 3
    /// RMM: round to nearest, ties to max magnitude (away from zero).
    case nearestMaxMagnitude = 4

    /// The rm value that selects the dynamic rounding mode held in `frm`.
    public static let dynamicField: UInt8 = 7

    /// Resolves an instruction's 3-bit rm field against the `frm` CSR value: 0...4 are static modes
    /// and 7 selects `frm`. Returns nil, which the hart turns into an illegal-instruction trap, for
    /// rm 5 or 6, or for rm 7 when `frm` holds 5, 6 or 7.
    public init?(instructionField rm: UInt8, frm: UInt8) {
        self.init(rawValue: rm == Self.dynamicField ? frm : rm)
    }
}

/// IEEE 754 exception flags in the RISC-V `fflags` bit layout (NV DZ OF UF NX from bit 4 down to bit 0).
///
/// Operations return the flags they raise; the hart ORs them into `fflags` (flags accrue, never clear).
public struct FloatFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// NX: the rounded result differs from the exact result.
    public static let inexact = FloatFlags(rawValue: 1)
    /// UF: the result is tiny (detected after rounding) and inexact.
    public static let underflow = FloatFlags(rawValue: 2)
    /// OF: the rounded result's magnitude exceeds the largest finite number.
    public static let overflow = FloatFlags(rawValue: 4)
    /// DZ: a finite nonzero number was divided by zero.
    public static let divideByZero = FloatFlags(rawValue: 8)
    /// NV: invalid operation (e.g. a signalling NaN input, inf - inf, 0 * inf, sqrt of a negative).
    public static let invalid = FloatFlags(rawValue: 16)
}

/// The outcome of a floating-point operation: its value (a raw bit pattern for float results)
/// and the exception flags it raised.
public struct FPResult<T> {
    public var value: T
    public var flags: FloatFlags

    public init(value: T, flags: FloatFlags = []) {
        self.value = value
        self.flags = flags
    }
}

extension FPResult: Equatable where T: Equatable {}
extension FPResult: Sendable where T: Sendable {}
