import Testing
@testable import RISCV

@Suite struct FloatingPointCompareClassifyTests {
    @Test func minimumAndMaximumOfNumbers() {
        #expect(F32.min(s(2.5), s(1.0)) == fpResult(s(1.0)))
        #expect(F32.max(s(-1235.1), s(1.1)) == fpResult(s(1.1)))
        #expect(F64.min(d(-2), d(-1)) == fpResult(d(-2)))
        #expect(F64.max(infinity64 | sign64, d(-1e300)) == fpResult(d(-1e300)))
    }

    @Test func negativeZeroIsBelowPositiveZero() {
        #expect(F32.min(0, negativeZero32) == fpResult(negativeZero32))
        #expect(F32.min(negativeZero32, 0) == fpResult(negativeZero32))
        #expect(F32.max(negativeZero32, 0) == fpResult(0))
        #expect(F64.max(0, negativeZero64) == fpResult(0))
        #expect(F64.min(0, negativeZero64) == fpResult(negativeZero64))
    }

    @Test func nanOperandsOfMinimumAndMaximum() {
        #expect(F32.min(F32.canonicalNaN, s(-1235.1)) == fpResult(s(-1235.1)))
        #expect(F32.max(s(3), quietNaN32WithPayload) == fpResult(s(3)))
        #expect(F32.min(signalingNaN32, s(1)) == fpResult(s(1), .invalid))
        #expect(F64.max(d(-0.5), signalingNaN64) == fpResult(d(-0.5), .invalid))
        #expect(F64.min(quietNaN64WithPayload, F64.canonicalNaN) == fpResult(F64.canonicalNaN))
        #expect(F64.max(signalingNaN64, quietNaN64WithPayload) == fpResult(F64.canonicalNaN, .invalid))
        #expect(F32.max(quietNaN32WithPayload, quietNaN32WithPayload) == fpResult(F32.canonicalNaN))
    }

    @Test func orderedComparisons() {
        #expect(F32.eq(s(-1.36), s(-1.36)) == fpResult(true))
        #expect(F32.le(s(-1.36), s(-1.36)) == fpResult(true))
        #expect(F32.lt(s(-1.36), s(-1.36)) == fpResult(false))
        #expect(F32.eq(s(-1.37), s(-1.36)) == fpResult(false))
        #expect(F32.le(s(-1.37), s(-1.36)) == fpResult(true))
        #expect(F32.lt(s(-1.37), s(-1.36)) == fpResult(true))
        #expect(F64.lt(d(-1), d(-2)) == fpResult(false))
        #expect(F64.lt(infinity64 | sign64, d(-1e308)) == fpResult(true))
        #expect(F64.le(minSubnormal64, 0) == fpResult(false))
        #expect(F64.lt(minSubnormal64 | sign64, 0) == fpResult(true))
    }

    @Test func signedZerosCompareEqual() {
        #expect(F32.eq(0, negativeZero32) == fpResult(true))
        #expect(F32.lt(negativeZero32, 0) == fpResult(false))
        #expect(F32.le(0, negativeZero32) == fpResult(true))
        #expect(F64.eq(negativeZero64, 0) == fpResult(true))
        #expect(F64.lt(negativeZero64, 0) == fpResult(false))
    }

    @Test func equalityIsQuietAndOrderingIsSignalling() {
        #expect(F32.eq(F32.canonicalNaN, s(1)) == fpResult(false))
        #expect(F32.eq(F32.canonicalNaN, F32.canonicalNaN) == fpResult(false))
        #expect(F32.eq(s(1), signalingNaN32) == fpResult(false, .invalid))
        #expect(F32.lt(F32.canonicalNaN, s(1)) == fpResult(false, .invalid))
        #expect(F32.le(s(1), quietNaN32WithPayload) == fpResult(false, .invalid))
        #expect(F64.eq(quietNaN64WithPayload, quietNaN64WithPayload) == fpResult(false))
        #expect(F64.eq(signalingNaN64, d(0)) == fpResult(false, .invalid))
        #expect(F64.le(F64.canonicalNaN, F64.canonicalNaN) == fpResult(false, .invalid))
        #expect(F64.lt(d(0), signalingNaN64) == fpResult(false, .invalid))
    }

    @Test func classifyEveryClass() {
        let cases32: [(UInt32, UInt16)] = [
            (infinity32 | sign32, FloatClass.negativeInfinity), (s(-1.5), FloatClass.negativeNormal),
            (maxSubnormal32 | sign32, FloatClass.negativeSubnormal), (negativeZero32, FloatClass.negativeZero),
            (0, FloatClass.positiveZero), (minSubnormal32, FloatClass.positiveSubnormal),
            (minNormal32, FloatClass.positiveNormal), (infinity32, FloatClass.positiveInfinity),
            (signalingNaN32, FloatClass.signalingNaN), (F32.canonicalNaN, FloatClass.quietNaN),
            (quietNaN32WithPayload, FloatClass.quietNaN), (0xFFBF_FFFF, FloatClass.signalingNaN),
        ]
        for (bits, expected) in cases32 { #expect(F32.classify(bits) == expected, "\(floatHex(bits))") }
        let cases64: [(UInt64, UInt16)] = [
            (infinity64 | sign64, 1 << 0), (maxFinite64 | sign64, 1 << 1), (minSubnormal64 | sign64, 1 << 2),
            (negativeZero64, 1 << 3), (0, 1 << 4), (minNormal64 - 1, 1 << 5), (d(1), 1 << 6),
            (infinity64, 1 << 7), (signalingNaN64, 1 << 8), (F64.canonicalNaN, 1 << 9),
        ]
        for (bits, expected) in cases64 { #expect(F64.classify(bits) == expected, "\(floatHex(bits))") }
    }

    @Test func signInjectionOnlyTouchesTheSignBit() {
        #expect(F32.injectSign(s(1), s(-2)) == s(-1))
        #expect(F32.injectSign(s(-1), s(2)) == s(1))
        #expect(F32.injectNegatedSign(s(1), s(2)) == s(-1))
        #expect(F32.injectNegatedSign(s(-1), s(-2)) == s(1))
        #expect(F32.injectXorSign(s(-1), s(-2)) == s(1))
        #expect(F32.injectXorSign(s(-1), s(2)) == s(-1))
        #expect(F32.injectXorSign(s(1), s(-2)) == s(-1))
        #expect(F32.injectNegatedSign(signalingNaN32, signalingNaN32) == signalingNaN32 | sign32)
        #expect(F64.injectSign(quietNaN64WithPayload, 0) == quietNaN64WithPayload & ~sign64)
        #expect(F64.injectNegatedSign(d(3), d(3)) == d(-3))
        #expect(F64.injectXorSign(d(-3), d(-3)) == d(3))
        #expect(F64.injectSign(negativeZero64, infinity64) == 0)
    }
}
