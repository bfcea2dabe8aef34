import Testing
@testable import RISCV

/// Checks every rounding mode and the NX/OF/UF flags of binary32 results against a reference built
/// from exact host arithmetic: binary32 products, sums of nearby values and binary32 <-> binary64
/// conversions are exact in binary64, so the exact result (or an exact comparison with it) is known.
@Suite struct FloatingPointDirectedRoundingTests {
    /// Compares a binary64 candidate with the exact result: negative when the candidate is below it.
    typealias Oracle = (Double) -> Double

    static let twoTo128 = 0x1p128
    static let smallestNormal = Double(Float.leastNormalMagnitude)

    /// The correctly rounded binary32 result and flags, given the host's round-to-nearest-even
    /// result `nearest` for the finite nonzero-operand case and an exact comparison oracle.
    static func reference(nearest: Float, oracle: @escaping Oracle, _ rm: RoundingMode) -> FPResult<UInt32> {
        if oracle(Double(nearest)) == 0 {
            return FPResult(value: nearest.bitPattern)
        }
        let (low, high) = oracle(Double(nearest)) < 0 ? (nearest, nearest.nextUp) : (nearest.nextDown, nearest)
        // Infinity stands in for 2^128 on the unbounded grid, as IEEE 754 overflow rules require.
        let lowValue = low.isInfinite ? -twoTo128 : Double(low)
        let highValue = high.isInfinite ? twoTo128 : Double(high)
        let middle = oracle((lowValue + highValue) / 2)
        let positive = oracle(0) < 0
        let result: Float
        switch rm {
        case .nearestEven: result = nearest
        case .nearestMaxMagnitude: result = middle == 0 ? (positive ? high : low) : nearest
        case .towardZero: result = positive ? low : high
        case .down: result = low
        case .up: result = high
        }
        var flags: FloatFlags = .inexact
        let beyondRange = positive ? oracle(twoTo128) <= 0 : oracle(-twoTo128) >= 0
        if result.isInfinite || beyondRange { flags.insert(.overflow) }
        if isTinyAfterRounding(positive: positive, oracle: oracle, rm) { flags.insert(.underflow) }
        return FPResult(value: result.bitPattern, flags: flags)
    }

    /// Whether rounding with an unbounded exponent range leaves the magnitude below 2^-126.
    static func isTinyAfterRounding(positive: Bool, oracle: @escaping Oracle, _ rm: RoundingMode) -> Bool {
        let sign: Double = positive ? 1 : -1
        let magnitudeBelow: (Double) -> Bool = { positive ? oracle($0) > 0 : oracle(-$0) < 0 }
        if !magnitudeBelow(smallestNormal) { return false }
        // Below 2^-126 the unbounded grid spacing is 2^-150; only the last step can round up to 2^-126.
        let lastBelow = smallestNormal - 0x1p-150
        if !magnitudeBelow(lastBelow) && oracle(sign * lastBelow) != 0 {
            switch rm {
            case .towardZero: return true
            case .down: return positive
            case .up: return !positive
            case .nearestEven, .nearestMaxMagnitude:
                return magnitudeBelow(smallestNormal - 0x1p-151) && oracle(sign * (smallestNormal - 0x1p-151)) != 0
            }
        }
        return true
    }

    /// Whether `a + b` is exact in binary64 (Fast2Sum: the rounding error is zero).
    static func isExactSum(_ a: Double, _ b: Double) -> Bool {
        let (big, small) = a.magnitude >= b.magnitude ? (a, b) : (b, a)
        return small - ((big + small) - big) == 0
    }

    static func finiteNonzero(_ values: Float...) -> Bool { values.allSatisfy { $0.isFinite && $0 != 0 } }

    @Test func multiplyDivideSqrtAllModes() {
        var rng = XorshiftGenerator(state: 0x0123_4567_89AB_CDEF)
        var mismatches: [String] = []
        for _ in 0..<3000 {
            let a = FloatingPointCrossCheckTests.operand32(&rng), b = FloatingPointCrossCheckTests.operand32(&rng)
            let x = Float(bitPattern: a), y = Float(bitPattern: b)
            guard Self.finiteNonzero(x, y) else { continue }
            let product = Double(x) * Double(y)
            let productOracle: Oracle = { $0 - product }
            let quotientOracle: Oracle = { ($0 * Double(y) - Double(x)) * Double(y.sign == .minus ? -1 : 1) }
            let root = Float(bitPattern: a & 0x7FFF_FFFF)
            let rootOracle: Oracle = { $0 < 0 ? -1 : $0 * $0 - Double(root) }
            for rm in RoundingMode.allCases {
                let cases: [(String, FPResult<UInt32>, FPResult<UInt32>)] = [
                    ("mul", F32.mul(a, b, rm), Self.reference(nearest: x * y, oracle: productOracle, rm)),
                    ("div", F32.div(a, b, rm), Self.reference(nearest: x / y, oracle: quotientOracle, rm)),
                    ("sqrt", F32.sqrt(root.bitPattern, rm),
                     Self.reference(nearest: root.squareRoot(), oracle: rootOracle, rm)),
                ]
                for (name, ours, expected) in cases where ours != expected {
                    mismatches.append("\(name) \(rm) \(floatHex(a)) \(floatHex(b)): \(floatHex(ours.value)) \(ours.flags.rawValue) vs \(floatHex(expected.value)) \(expected.flags.rawValue)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(8))")
    }

    @Test func addAndFusedMultiplyAddAllModes() {
        var rng = XorshiftGenerator(state: 0xFEDC_BA98_7654_3210)
        var mismatches: [String] = []
        var checked = 0
        for _ in 0..<4000 {
            let a = FloatingPointCrossCheckTests.operand32(&rng), b = FloatingPointCrossCheckTests.operand32(&rng)
            let c = FloatingPointCrossCheckTests.operand32(&rng)
            let x = Float(bitPattern: a), y = Float(bitPattern: b), z = Float(bitPattern: c)
            guard Self.finiteNonzero(x, y, z) else { continue }
            let sum = Double(x) + Double(y)
            let fused = Double(x) * Double(y) + Double(z)
            for rm in RoundingMode.allCases {
                if Self.isExactSum(Double(x), Double(y)), sum != 0 {
                    let expected = Self.reference(nearest: x + y, oracle: { $0 - sum }, rm)
                    let ours = F32.add(a, b, rm)
                    if ours != expected { mismatches.append("add \(rm) \(floatHex(a)) \(floatHex(b)): \(floatHex(ours.value)) vs \(floatHex(expected.value))") }
                    checked += 1
                }
                if Self.isExactSum(Double(x) * Double(y), Double(z)), fused != 0 {
                    let expected = Self.reference(nearest: z.addingProduct(x, y), oracle: { $0 - fused }, rm)
                    let ours = F32.fusedMultiplyAdd(a, b, c, rm)
                    if ours != expected { mismatches.append("fma \(rm) \(floatHex(a)) \(floatHex(b)) \(floatHex(c)): \(floatHex(ours.value)) vs \(floatHex(expected.value))") }
                    checked += 1
                }
            }
        }
        #expect(checked > 5000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(8))")
    }

    @Test func narrowingConversionAllModes() {
        var rng = XorshiftGenerator(state: 0x0F0F_1234_5678_9ABC)
        var mismatches: [String] = []
        for _ in 0..<3000 {
            // Exponents around the binary32 range, including its subnormals and overflow.
            // Every fourth value lies just below 2^-126, where tininess after rounding matters.
            let bits = rng.next() % 4 == 0
                ? rng.next() & 0x8000_0000_3FFF_FFFF | 0x380F_FFFF_C000_0000
                : rng.next() & 0x800F_FFFF_FFFF_FFFF | (UInt64(0x360 + rng.next() % 0x140) << 52)
            let value = Double(bitPattern: bits)
            for rm in RoundingMode.allCases {
                let expected = Self.reference(nearest: Float(value), oracle: { $0 - value }, rm)
                let ours = F64.toF32(bits, rm)
                if ours != expected { mismatches.append("\(rm) \(floatHex(bits)): \(floatHex(ours.value)) \(ours.flags.rawValue) vs \(floatHex(expected.value)) \(expected.flags.rawValue)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(8))")
    }
}
