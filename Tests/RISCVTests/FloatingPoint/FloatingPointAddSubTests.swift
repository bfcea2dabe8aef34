import Testing
@testable import RISCV

@Suite struct FloatingPointAddSubTests {
    @Test(arguments: RoundingMode.allCases)
    func exactCancellationIsPositiveZeroExceptWhenRoundingDown(rm: RoundingMode) {
        let zero32: UInt32 = rm == .down ? negativeZero32 : 0
        let zero64: UInt64 = rm == .down ? negativeZero64 : 0
        #expect(F32.add(s(1.5), s(-1.5), rm) == fpResult(zero32))
        #expect(F32.sub(s(-7), s(-7), rm) == fpResult(zero32))
        #expect(F32.add(0, negativeZero32, rm) == fpResult(zero32))
        #expect(F32.add(negativeZero32, negativeZero32, rm) == fpResult(negativeZero32))
        #expect(F32.add(0, 0, rm) == fpResult(0))
        #expect(F32.sub(negativeZero32, 0, rm) == fpResult(negativeZero32))
        #expect(F64.add(d(0.1), d(-0.1), rm) == fpResult(zero64))
        #expect(F64.sub(d(3), d(3), rm) == fpResult(zero64))
        #expect(F64.add(negativeZero64, 0, rm) == fpResult(zero64))
        #expect(F64.add(negativeZero64, negativeZero64, rm) == fpResult(negativeZero64))
    }

    @Test func zeroPlusNumberIsTheNumberExactly() {
        #expect(F32.add(negativeZero32, minSubnormal32, .down) == fpResult(minSubnormal32))
        #expect(F64.add(d(-2.5), 0, .up) == fpResult(d(-2.5)))
    }

    @Test func exactAndInexactSums() {
        #expect(F32.add(s(2.5), s(1.0), .nearestEven) == fpResult(s(3.5)))
        #expect(F32.add(s(-1235.1), s(1.1), .nearestEven) == fpResult(s(-1234), .inexact))
        #expect(F32.add(s(3.14159265), s(0.00000001), .nearestEven) == fpResult(s(3.14159265), .inexact))
        #expect(F32.sub(s(2.5), s(1.0), .nearestEven) == fpResult(s(1.5)))
        #expect(F64.add(d(0.1), d(0.2), .nearestEven) == fpResult(d(0.1 + 0.2), .inexact))
        #expect(F64.sub(d(-1235.1), d(-1.1), .nearestEven) == fpResult(d(-1235.1 - -1.1), .inexact))
    }

    @Test func directedRoundingOfASum() {
        // 1 + 2^-30 is between two binary32 neighbours 1 and 1 + 2^-23.
        let tiny = s(0x1p-30)
        #expect(F32.add(s(1), tiny, .nearestEven) == fpResult(s(1), .inexact))
        #expect(F32.add(s(1), tiny, .towardZero) == fpResult(s(1), .inexact))
        #expect(F32.add(s(1), tiny, .down) == fpResult(s(1), .inexact))
        #expect(F32.add(s(1), tiny, .up) == fpResult(s(Float(1).nextUp), .inexact))
        #expect(F32.add(s(-1), tiny, .towardZero) == fpResult(s(Float(-1).nextUp), .inexact))
        #expect(F32.add(s(-1), tiny, .down) == fpResult(s(-1), .inexact))
        #expect(F32.add(s(-1), tiny, .up) == fpResult(s(Float(-1).nextUp), .inexact))
        // A tie: 1 + 2^-24 rounds to even (1) under RNE and away (1 + 2^-23) under RMM.
        #expect(F32.add(s(1), s(0x1p-24), .nearestEven) == fpResult(s(1), .inexact))
        #expect(F32.add(s(1), s(0x1p-24), .nearestMaxMagnitude) == fpResult(s(Float(1).nextUp), .inexact))
        #expect(F64.add(d(-1), d(-0x1p-53), .nearestMaxMagnitude) == fpResult(d(-Double(1).nextUp), .inexact))
        #expect(F64.add(d(-1), d(-0x1p-53), .nearestEven) == fpResult(d(-1), .inexact))
    }

    @Test func overflowDependsOnModeAndSign() {
        let flags: FloatFlags = [.overflow, .inexact]
        #expect(F32.add(maxFinite32, maxFinite32, .nearestEven) == fpResult(infinity32, flags))
        #expect(F32.add(maxFinite32, maxFinite32, .nearestMaxMagnitude) == fpResult(infinity32, flags))
        #expect(F32.add(maxFinite32, maxFinite32, .towardZero) == fpResult(maxFinite32, flags))
        #expect(F32.add(maxFinite32, maxFinite32, .down) == fpResult(maxFinite32, flags))
        #expect(F32.add(maxFinite32, maxFinite32, .up) == fpResult(infinity32, flags))
        let negativeMax = maxFinite64 | sign64
        #expect(F64.add(negativeMax, negativeMax, .nearestEven) == fpResult(infinity64 | sign64, flags))
        #expect(F64.add(negativeMax, negativeMax, .towardZero) == fpResult(negativeMax, flags))
        #expect(F64.add(negativeMax, negativeMax, .down) == fpResult(infinity64 | sign64, flags))
        #expect(F64.add(negativeMax, negativeMax, .up) == fpResult(negativeMax, flags))
        // Half an ulp above the largest finite number rounds back to it without overflow under RTZ.
        #expect(F64.add(maxFinite64, d(0x1p970), .towardZero) == fpResult(maxFinite64, .inexact))
        #expect(F64.add(maxFinite64, d(0x1p970), .nearestEven) == fpResult(infinity64, flags))
    }

    @Test func subnormalSumsAreExactWithoutUnderflow() {
        #expect(F32.add(minSubnormal32, minSubnormal32, .nearestEven) == fpResult(2))
        #expect(F32.sub(minNormal32, minSubnormal32, .nearestEven) == fpResult(maxSubnormal32))
        #expect(F32.add(maxSubnormal32, minSubnormal32, .nearestEven) == fpResult(minNormal32))
        #expect(F64.sub(minNormal64, minSubnormal64, .up) == fpResult(minNormal64 - 1))
        #expect(F64.add(minSubnormal64 | sign64, minSubnormal64 | sign64, .down) == fpResult(2 | sign64))
    }

    @Test func infinities() {
        #expect(F32.add(infinity32, infinity32, .nearestEven) == fpResult(infinity32))
        #expect(F32.add(infinity32, maxFinite32 | sign32, .nearestEven) == fpResult(infinity32))
        #expect(F32.sub(infinity32, infinity32, .nearestEven) == fpResult(F32.canonicalNaN, .invalid))
        #expect(F64.add(infinity64 | sign64, infinity64, .down) == fpResult(F64.canonicalNaN, .invalid))
        #expect(F64.sub(d(1), infinity64, .nearestEven) == fpResult(infinity64 | sign64))
    }

    @Test func nanOperandsGiveTheCanonicalNaN() {
        #expect(F32.add(quietNaN32WithPayload, s(1), .nearestEven) == fpResult(F32.canonicalNaN))
        #expect(F32.add(s(1), signalingNaN32, .nearestEven) == fpResult(F32.canonicalNaN, .invalid))
        #expect(F32.sub(signalingNaN32, infinity32, .nearestEven) == fpResult(F32.canonicalNaN, .invalid))
        #expect(F64.add(quietNaN64WithPayload, infinity64, .up) == fpResult(F64.canonicalNaN))
        #expect(F64.sub(d(2), signalingNaN64, .nearestEven) == fpResult(F64.canonicalNaN, .invalid))
    }
}
