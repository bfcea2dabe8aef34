import Testing
@testable import RISCV

@Suite struct FloatingPointFusedMultiplyAddTests {
    /// fmadd, fmsub, fnmsub, fnmadd as (negateProduct, negateAddend).
    static let variants: [(String, Bool, Bool)] = [
        ("fmadd", false, false), ("fmsub", false, true), ("fnmsub", true, false), ("fnmadd", true, true),
    ]

    @Test func theFourVariants() {
        let expected32: [String: Float] = ["fmadd": -12, "fmsub": -8, "fnmsub": 8, "fnmadd": 12]
        let expected64: [String: Double] = ["fmadd": 3.5, "fmsub": 1.5, "fnmsub": -1.5, "fnmadd": -3.5]
        for (name, negateProduct, negateAddend) in Self.variants {
            let single = F32.fusedMultiplyAdd(s(2), s(-5), s(-2), negateProduct: negateProduct,
                                              negateAddend: negateAddend, .nearestEven)
            #expect(single == fpResult(s(expected32[name]!)), "\(name)")
            let double = F64.fusedMultiplyAdd(d(1), d(2.5), d(1), negateProduct: negateProduct,
                                              negateAddend: negateAddend, .nearestEven)
            #expect(double == fpResult(d(expected64[name]!)), "\(name)")
        }
        #expect(F32.fusedMultiplyAdd(s(-1), s(-1235.1), s(1.1), .nearestEven) == fpResult(s(1236.2), .inexact))
        #expect(F64.fusedMultiplyAdd(d(-1), d(-1235.1), d(1.1), negateAddend: true, .nearestEven)
            == fpResult(d(1234), .inexact))
    }

    /// (1 + 2^-(p-1))^2 - (1 + 2^-(p-2)) = 2^-2(p-1) exactly; a separate multiply rounds the product
    /// to 1 + 2^-(p-2) first and yields 0.
    @Test(arguments: RoundingMode.allCases)
    func singleRoundingKeepsTheLowProductBits(rm: RoundingMode) {
        let a64 = d(Double(1).nextUp), c64 = d(-Double(1).nextUp.nextUp)
        #expect(F64.fusedMultiplyAdd(a64, a64, c64, rm) == fpResult(d(0x1p-104)))
        let separate = F64.add(F64.mul(a64, a64, .nearestEven).value, c64, .nearestEven)
        #expect(separate.value == 0)
        let a32 = s(Float(1).nextUp), c32 = s(-Float(1).nextUp.nextUp)
        #expect(F32.fusedMultiplyAdd(a32, a32, c32, rm) == fpResult(s(0x1p-46)))
    }

    @Test func stickyBitsOfATinyProductDecideDirectedRounding() {
        let tiny = d(0x1p-600)
        #expect(F64.fusedMultiplyAdd(tiny, tiny, d(1), .nearestEven) == fpResult(d(1), .inexact))
        #expect(F64.fusedMultiplyAdd(tiny, tiny, d(1), .up) == fpResult(d(Double(1).nextUp), .inexact))
        #expect(F64.fusedMultiplyAdd(tiny, tiny, d(1), .down) == fpResult(d(1), .inexact))
        #expect(F64.fusedMultiplyAdd(tiny | sign64, tiny, d(1), .down) == fpResult(d(Double(1).nextDown), .inexact))
        #expect(F64.fusedMultiplyAdd(tiny | sign64, tiny, d(1), .towardZero) == fpResult(d(Double(1).nextDown), .inexact))
        #expect(F64.fusedMultiplyAdd(tiny | sign64, tiny, d(1), .nearestMaxMagnitude) == fpResult(d(1), .inexact))
        let tiny32 = s(0x1p-100)
        #expect(F32.fusedMultiplyAdd(tiny32, tiny32, s(-1), .up) == fpResult(s(Float(-1).nextUp), .inexact))
    }

    @Test func noIntermediateOverflowOrUnderflow() {
        #expect(F64.fusedMultiplyAdd(maxFinite64, d(2), maxFinite64 | sign64, .nearestEven) == fpResult(maxFinite64))
        #expect(F32.fusedMultiplyAdd(maxFinite32, s(2), maxFinite32 | sign32, .towardZero) == fpResult(maxFinite32))
        #expect(F64.fusedMultiplyAdd(minNormal64, d(0.5), minSubnormal64 | sign64, .nearestEven)
            == fpResult((minNormal64 >> 1) - 1))
        #expect(F32.fusedMultiplyAdd(maxFinite32, s(2), 0, .down) == fpResult(maxFinite32, [.overflow, .inexact]))
        #expect(F32.fusedMultiplyAdd(minSubnormal32, s(0.25), 0, .up) == fpResult(minSubnormal32, [.underflow, .inexact]))
    }

    @Test(arguments: RoundingMode.allCases)
    func exactZeroResultsFollowTheAdditionSignRules(rm: RoundingMode) {
        let cancelled: UInt64 = rm == .down ? negativeZero64 : 0
        #expect(F64.fusedMultiplyAdd(d(1.5), d(2), d(-3), rm) == fpResult(cancelled))
        #expect(F64.fusedMultiplyAdd(negativeZero64, d(1), 0, rm) == fpResult(cancelled))
        #expect(F64.fusedMultiplyAdd(negativeZero64, d(1), negativeZero64, rm) == fpResult(negativeZero64))
        #expect(F32.fusedMultiplyAdd(0, s(1), 0, negateProduct: true, negateAddend: true, rm) == fpResult(negativeZero32))
        #expect(F32.fusedMultiplyAdd(0, s(-3), 0, negateAddend: true, rm) == fpResult(negativeZero32))
        #expect(F32.fusedMultiplyAdd(0, s(3), 0, negateAddend: true, rm) == fpResult(rm == .down ? negativeZero32 : 0))
        #expect(F32.fusedMultiplyAdd(0, s(3), s(-2), rm) == fpResult(s(-2)))
    }

    @Test func invalidProductRaisesNVEvenWithAQuietNaNAddend() {
        #expect(F32.fusedMultiplyAdd(infinity32, 0, F32.canonicalNaN, .nearestEven) == fpResult(F32.canonicalNaN, .invalid))
        #expect(F64.fusedMultiplyAdd(negativeZero64, infinity64, quietNaN64WithPayload, .nearestEven)
            == fpResult(F64.canonicalNaN, .invalid))
        #expect(F64.fusedMultiplyAdd(infinity64, 0, d(1), .nearestEven) == fpResult(F64.canonicalNaN, .invalid))
    }

    @Test func nanAndInfinityOperands() {
        #expect(F32.fusedMultiplyAdd(F32.canonicalNaN, s(1), s(1), .nearestEven) == fpResult(F32.canonicalNaN))
        #expect(F32.fusedMultiplyAdd(s(1), s(1), quietNaN32WithPayload, .nearestEven) == fpResult(F32.canonicalNaN))
        #expect(F32.fusedMultiplyAdd(s(1), s(1), signalingNaN32, .nearestEven) == fpResult(F32.canonicalNaN, .invalid))
        #expect(F64.fusedMultiplyAdd(signalingNaN64, 0, infinity64, .nearestEven) == fpResult(F64.canonicalNaN, .invalid))
        #expect(F64.fusedMultiplyAdd(infinity64, d(2), infinity64 | sign64, .nearestEven) == fpResult(F64.canonicalNaN, .invalid))
        #expect(F64.fusedMultiplyAdd(infinity64, d(2), infinity64, negateAddend: true, .up) == fpResult(F64.canonicalNaN, .invalid))
        #expect(F64.fusedMultiplyAdd(infinity64, d(-2), infinity64 | sign64, .nearestEven) == fpResult(infinity64 | sign64))
        #expect(F32.fusedMultiplyAdd(s(1), s(1), infinity32, negateProduct: true, negateAddend: true, .nearestEven)
            == fpResult(infinity32 | sign32))
        #expect(F32.fusedMultiplyAdd(maxFinite32, maxFinite32, infinity32 | sign32, .nearestEven) == fpResult(infinity32 | sign32))
    }
}
