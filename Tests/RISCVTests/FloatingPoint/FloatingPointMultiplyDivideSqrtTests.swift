import Testing
@testable import RISCV

@Suite struct FloatingPointMultiplyDivideSqrtTests {
    @Test func productsAndTheirFlags() {
        #expect(F32.mul(s(2.5), s(1.0), .nearestEven) == fpResult(s(2.5)))
        #expect(F32.mul(s(-1235.1), s(-1.1), .nearestEven) == fpResult(s(1358.61), .inexact))
        #expect(F32.mul(s(3.14159265), s(0.00000001), .nearestEven) == fpResult(s(3.14159265e-8), .inexact))
        #expect(F64.mul(d(0.1), d(3), .nearestEven) == fpResult(d(0.1 * 3), .inexact))
        #expect(F32.mul(s(-2), 0, .nearestEven) == fpResult(negativeZero32))
        #expect(F64.mul(negativeZero64, negativeZero64, .down) == fpResult(0))
        #expect(F32.mul(infinity32, s(-0.5), .nearestEven) == fpResult(infinity32 | sign32))
        #expect(F32.mul(infinity32, negativeZero32, .nearestEven) == fpResult(F32.canonicalNaN, .invalid))
        #expect(F64.mul(0, infinity64, .up) == fpResult(F64.canonicalNaN, .invalid))
        #expect(F64.mul(signalingNaN64, 0, .up) == fpResult(F64.canonicalNaN, .invalid))
        #expect(F32.mul(quietNaN32WithPayload, s(2), .up) == fpResult(F32.canonicalNaN))
    }

    @Test func overflowingProducts() {
        let flags: FloatFlags = [.overflow, .inexact]
        let big = s(0x1p100)
        #expect(F32.mul(big, big, .nearestEven) == fpResult(infinity32, flags))
        #expect(F32.mul(big, big, .towardZero) == fpResult(maxFinite32, flags))
        #expect(F32.mul(big, big | sign32, .up) == fpResult(maxFinite32 | sign32, flags))
        #expect(F32.mul(big, big | sign32, .down) == fpResult(infinity32 | sign32, flags))
        #expect(F64.mul(maxFinite64, d(2), .nearestMaxMagnitude) == fpResult(infinity64, flags))
    }

    /// (1 - 2^-p) * 2^emin: tiny even after rounding with an unbounded exponent (the value is exact
    /// there), so UF accompanies NX although RNE delivers the smallest normal number.
    @Test func underflowIsDetectedAfterRounding() {
        let below64 = d(Double(1).nextDown)
        let both: FloatFlags = [.underflow, .inexact]
        #expect(F64.mul(below64, minNormal64, .nearestEven) == fpResult(minNormal64, both))
        #expect(F64.mul(below64, minNormal64, .towardZero) == fpResult(minNormal64 - 1, both))
        #expect(F64.mul(below64, minNormal64, .up) == fpResult(minNormal64, both))
        let below32 = s(Float(1).nextDown)
        #expect(F32.mul(below32, minNormal32, .nearestEven) == fpResult(minNormal32, both))
        #expect(F32.mul(below32, minNormal32, .down) == fpResult(maxSubnormal32, both))
        // 2^emin * (1 - 2^-(p+1)) rounds to 2^emin with an unbounded exponent: not tiny, so NX only.
        #expect(F64.toF32(d(Double(Float.leastNormalMagnitude) * (1 - 0x1p-25)), .nearestEven) == fpResult(minNormal32, .inexact))
        #expect(F64.toF32(d(Double(Float.leastNormalMagnitude) * (1 - 0x1p-25)), .towardZero) == fpResult(maxSubnormal32, both))
        let justBelow = d(Double(Float.leastNormalMagnitude) * (1 - 0x1p-26))
        #expect(F64.toF32(justBelow, .up) == fpResult(minNormal32, .inexact))
        #expect(F64.toF32(justBelow | sign64, .up) == fpResult(maxSubnormal32 | sign32, both))
    }

    @Test func tinyResultsRaiseUnderflowOnlyWhenInexact() {
        #expect(F32.mul(minSubnormal32, s(1), .nearestEven) == fpResult(minSubnormal32))
        #expect(F32.mul(s(0x1p-100), s(0x1p-40), .nearestEven) == fpResult(s(0x1p-140)))
        let both: FloatFlags = [.underflow, .inexact]
        #expect(F32.mul(minSubnormal32, s(0.5), .nearestEven) == fpResult(0, both))
        #expect(F32.mul(minSubnormal32, s(0.5), .nearestMaxMagnitude) == fpResult(minSubnormal32, both))
        #expect(F32.mul(minSubnormal32, s(0.5), .up) == fpResult(minSubnormal32, both))
        #expect(F32.mul(minSubnormal32, s(-0.5), .down) == fpResult(minSubnormal32 | sign32, both))
        #expect(F32.mul(minSubnormal32, s(-0.5), .towardZero) == fpResult(negativeZero32, both))
        #expect(F64.mul(minSubnormal64, d(0.75), .nearestEven) == fpResult(minSubnormal64, both))
        #expect(F64.mul(minSubnormal64, minSubnormal64, .up) == fpResult(minSubnormal64, both))
        #expect(F64.mul(minSubnormal64, minSubnormal64, .nearestEven) == fpResult(0, both))
    }

    @Test func quotients() {
        #expect(F32.div(s(3.14159265), s(2.71828182), .nearestEven) == fpResult(s(1.1557273520668288), .inexact))
        #expect(F32.div(s(-1234), s(1235.1), .nearestEven) == fpResult(s(-0.9991093838555584), .inexact))
        #expect(F32.div(s(3.14159265), s(1.0), .nearestEven) == fpResult(s(3.14159265)))
        #expect(F64.div(d(3.14159265), d(2.71828182), .nearestEven) == fpResult(d(1.1557273520668288), .inexact))
        #expect(F64.div(d(1), d(3), .down) == fpResult(d(1.0 / 3), .inexact))
        #expect(F64.div(d(1), d(3), .up) == fpResult(d((1.0 / 3).nextUp), .inexact))
        #expect(F64.div(d(-1), d(3), .towardZero) == fpResult(d(-1.0 / 3), .inexact))
        #expect(F64.div(d(2), d(3), .nearestEven) == fpResult(d(2.0 / 3), .inexact))
        #expect(F64.div(d(2), d(3), .towardZero) == fpResult(d(2.0 / 3), .inexact))
        #expect(F64.div(d(2), d(3), .up) == fpResult(d((2.0 / 3).nextUp), .inexact))
    }

    @Test func divisionSpecialCases() {
        #expect(F32.div(s(1), 0, .nearestEven) == fpResult(infinity32, .divideByZero))
        #expect(F32.div(s(-1), 0, .nearestEven) == fpResult(infinity32 | sign32, .divideByZero))
        #expect(F64.div(minSubnormal64, negativeZero64, .towardZero) == fpResult(infinity64 | sign64, .divideByZero))
        #expect(F32.div(0, 0, .nearestEven) == fpResult(F32.canonicalNaN, .invalid))
        #expect(F64.div(negativeZero64, 0, .nearestEven) == fpResult(F64.canonicalNaN, .invalid))
        #expect(F64.div(infinity64, infinity64 | sign64, .nearestEven) == fpResult(F64.canonicalNaN, .invalid))
        #expect(F32.div(infinity32, 0, .nearestEven) == fpResult(infinity32))
        #expect(F32.div(s(-5), infinity32, .nearestEven) == fpResult(negativeZero32))
        #expect(F64.div(0, d(-3), .nearestEven) == fpResult(negativeZero64))
        #expect(F64.div(quietNaN64WithPayload, 0, .nearestEven) == fpResult(F64.canonicalNaN))
        #expect(F32.div(s(1), signalingNaN32, .nearestEven) == fpResult(F32.canonicalNaN, .invalid))
        #expect(F64.div(maxFinite64, d(0.5), .towardZero) == fpResult(maxFinite64, [.overflow, .inexact]))
        #expect(F64.div(minNormal64, d(4), .nearestEven) == fpResult(minNormal64 >> 2))
    }

    @Test func squareRoots() {
        #expect(F32.sqrt(s(3.14159265), .nearestEven) == fpResult(s(1.7724538498928541), .inexact))
        #expect(F32.sqrt(s(10000), .nearestEven) == fpResult(s(100)))
        #expect(F32.sqrt(s(171.0), .nearestEven) == fpResult(s(13.076696), .inexact))
        #expect(F64.sqrt(d(171.0), .nearestEven) == fpResult(d(13.076696830622021), .inexact))
        #expect(F64.sqrt(d(1.60795e-7), .nearestEven) == fpResult(d(0.00040099251863345283320230749702), .inexact))
        // The nearest binary64 to sqrt(2) lies above it.
        #expect(F64.sqrt(d(2), .down) == fpResult(d(Double(2).squareRoot().nextDown), .inexact))
        #expect(F64.sqrt(d(2), .up) == fpResult(d(Double(2).squareRoot()), .inexact))
        #expect(F64.sqrt(minSubnormal64, .nearestEven) == fpResult(d(0x1p-537)))
        #expect(F32.sqrt(minSubnormal32, .up) == fpResult(s(Float(0x1p-149).squareRoot()).advanced(by: 1), .inexact))
    }

    @Test func squareRootSpecialCases() {
        #expect(F32.sqrt(s(-1.0), .nearestEven) == fpResult(F32.canonicalNaN, .invalid))
        #expect(F64.sqrt(d(-1.0), .nearestEven) == fpResult(F64.canonicalNaN, .invalid))
        #expect(F64.sqrt(minSubnormal64 | sign64, .nearestEven) == fpResult(F64.canonicalNaN, .invalid))
        #expect(F32.sqrt(infinity32 | sign32, .nearestEven) == fpResult(F32.canonicalNaN, .invalid))
        #expect(F32.sqrt(negativeZero32, .nearestEven) == fpResult(negativeZero32))
        #expect(F64.sqrt(negativeZero64, .down) == fpResult(negativeZero64))
        #expect(F64.sqrt(0, .down) == fpResult(0))
        #expect(F64.sqrt(infinity64, .nearestEven) == fpResult(infinity64))
        #expect(F32.sqrt(signalingNaN32, .nearestEven) == fpResult(F32.canonicalNaN, .invalid))
        #expect(F64.sqrt(quietNaN64WithPayload, .nearestEven) == fpResult(F64.canonicalNaN))
    }
}
