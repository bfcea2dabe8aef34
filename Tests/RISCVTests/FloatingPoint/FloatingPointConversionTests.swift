import Testing
@testable import RISCV

@Suite struct FloatingPointConversionTests {
    @Test func truncatingConversionsToIntegers() {
        #expect(F32.toInt32(s(-1.1), .towardZero) == fpResult(-1, .inexact))
        #expect(F32.toInt32(s(-1.0), .towardZero) == fpResult(-1))
        #expect(F32.toInt32(s(-0.9), .towardZero) == fpResult(0, .inexact))
        #expect(F32.toInt32(s(1.1), .towardZero) == fpResult(1, .inexact))
        #expect(F32.toInt32(s(-3e9), .towardZero) == fpResult(Int32.min, .invalid))
        #expect(F32.toInt32(s(3e9), .towardZero) == fpResult(Int32.max, .invalid))
        #expect(F32.toUInt32(s(-3.0), .towardZero) == fpResult(0, .invalid))
        #expect(F32.toUInt32(s(-1.0), .towardZero) == fpResult(0, .invalid))
        #expect(F32.toUInt32(s(-0.9), .towardZero) == fpResult(0, .inexact))
        #expect(F32.toUInt32(s(3e9), .towardZero) == fpResult(3_000_000_000))
        #expect(F32.toInt64(s(-0.9), .towardZero) == fpResult(0, .inexact))
        #expect(F32.toUInt64(s(-3e9), .towardZero) == fpResult(0, .invalid))
        #expect(F64.toInt64(d(-1.1), .towardZero) == fpResult(-1, .inexact))
        #expect(F64.toUInt32(d(1.1), .towardZero) == fpResult(1, .inexact))
    }

    @Test func roundingModesOfConversionsToIntegers() {
        let expectations: [(Double, [RoundingMode: Int64])] = [
            (2.5, [.nearestEven: 2, .towardZero: 2, .down: 2, .up: 3, .nearestMaxMagnitude: 3]),
            (-2.5, [.nearestEven: -2, .towardZero: -2, .down: -3, .up: -2, .nearestMaxMagnitude: -3]),
            (3.5, [.nearestEven: 4, .towardZero: 3, .down: 3, .up: 4, .nearestMaxMagnitude: 4]),
            (-0.2, [.nearestEven: 0, .towardZero: 0, .down: -1, .up: 0, .nearestMaxMagnitude: 0]),
        ]
        for (value, byMode) in expectations {
            for (rm, expected) in byMode {
                #expect(F64.toInt64(d(value), rm) == fpResult(expected, .inexact), "\(value) \(rm)")
                #expect(F32.toInt32(s(Float(value)), rm) == fpResult(Int32(expected), .inexact), "\(value) \(rm)")
            }
        }
    }

    @Test func roundingHappensBeforeSaturation() {
        #expect(F64.toInt32(d(2147483647.5), .towardZero) == fpResult(Int32.max, .inexact))
        #expect(F64.toInt32(d(2147483647.5), .nearestEven) == fpResult(Int32.max, .invalid))
        #expect(F64.toInt32(d(-2147483648.5), .nearestEven) == fpResult(Int32.min, .inexact))
        #expect(F64.toInt32(d(-2147483648.5), .down) == fpResult(Int32.min, .invalid))
        #expect(F64.toUInt32(d(-0.5), .nearestEven) == fpResult(0, .inexact))
        #expect(F64.toUInt32(d(-0.5), .down) == fpResult(0, .invalid))
        #expect(F64.toUInt32(d(4294967295.4), .nearestEven) == fpResult(UInt32.max, .inexact))
        #expect(F64.toUInt32(d(4294967295.4), .up) == fpResult(UInt32.max, .invalid))
        #expect(F64.toUInt64(negativeZero64, .down) == fpResult(0))
    }

    @Test func rangeLimits() {
        #expect(F64.toInt64(d(-0x1p63), .nearestEven) == fpResult(Int64.min))
        #expect(F64.toInt64(d(0x1p63), .nearestEven) == fpResult(Int64.max, .invalid))
        #expect(F64.toInt64(d(Double(0x1p63).nextDown), .nearestEven) == fpResult(Int64(0x7FFF_FFFF_FFFF_FC00)))
        #expect(F64.toUInt64(d(0x1p64), .nearestEven) == fpResult(UInt64.max, .invalid))
        #expect(F64.toUInt64(d(Double(0x1p64).nextDown), .nearestEven) == fpResult(0xFFFF_FFFF_FFFF_F800))
        #expect(F32.toInt32(s(-0x1p31), .nearestEven) == fpResult(Int32.min))
        #expect(F32.toUInt64(maxFinite32, .nearestEven) == fpResult(UInt64.max, .invalid))
        #expect(F64.toInt32(maxFinite64 | sign64, .up) == fpResult(Int32.min, .invalid))
        #expect(F64.toInt64(minSubnormal64, .up) == fpResult(1, .inexact))
        #expect(F64.toInt64(minSubnormal64 | sign64, .up) == fpResult(0, .inexact))
    }

    /// RISC-V: NaN converts to the largest integer whatever its sign; infinities saturate by sign.
    @Test func nanAndInfinitySaturate() {
        let negativeNaN32: UInt32 = 0xFFFF_FFFF, positiveNaN32: UInt32 = 0x7FFF_FFFF
        for nan in [negativeNaN32, positiveNaN32, signalingNaN32] {
            #expect(F32.toInt32(nan, .nearestEven) == fpResult(Int32.max, .invalid))
            #expect(F32.toInt64(nan, .nearestEven) == fpResult(Int64.max, .invalid))
            #expect(F32.toUInt32(nan, .nearestEven) == fpResult(UInt32.max, .invalid))
            #expect(F32.toUInt64(nan, .nearestEven) == fpResult(UInt64.max, .invalid))
        }
        #expect(F32.toInt32(infinity32 | sign32, .nearestEven) == fpResult(Int32.min, .invalid))
        #expect(F32.toInt64(infinity32 | sign32, .nearestEven) == fpResult(Int64.min, .invalid))
        #expect(F32.toUInt32(infinity32 | sign32, .nearestEven) == fpResult(0, .invalid))
        #expect(F32.toUInt64(infinity32, .nearestEven) == fpResult(UInt64.max, .invalid))
        for nan in [UInt64.max, 0x7FFF_FFFF_FFFF_FFFF, signalingNaN64] {
            #expect(F64.toInt32(nan, .towardZero) == fpResult(Int32.max, .invalid))
            #expect(F64.toInt64(nan, .towardZero) == fpResult(Int64.max, .invalid))
            #expect(F64.toUInt32(nan, .towardZero) == fpResult(UInt32.max, .invalid))
            #expect(F64.toUInt64(nan, .towardZero) == fpResult(UInt64.max, .invalid))
        }
        #expect(F64.toInt64(infinity64 | sign64, .up) == fpResult(Int64.min, .invalid))
        #expect(F64.toUInt64(infinity64 | sign64, .up) == fpResult(0, .invalid))
        #expect(F64.toInt32(infinity64, .down) == fpResult(Int32.max, .invalid))
    }

    @Test func conversionsFromIntegers() {
        #expect(F32.fromInt32(0, .down) == fpResult(0))
        #expect(F64.fromInt64(0, .down) == fpResult(0))
        #expect(F32.fromInt32(-7, .nearestEven) == fpResult(s(-7)))
        #expect(F64.fromInt32(Int32.min, .nearestEven) == fpResult(d(-0x1p31)))
        #expect(F64.fromUInt32(UInt32.max, .towardZero) == fpResult(d(4294967295)))
        #expect(F64.fromInt64(Int64.min, .up) == fpResult(d(-0x1p63)))
        #expect(F32.fromInt64(Int64.min, .up) == fpResult(s(-0x1p63)))
        #expect(F32.fromInt32(Int32.max, .nearestEven) == fpResult(s(0x1p31), .inexact))
        #expect(F32.fromInt32(Int32.max, .towardZero) == fpResult(0x4EFF_FFFF, .inexact))
        #expect(F32.fromInt32(Int32.min + 1, .down) == fpResult(s(-0x1p31), .inexact))
        #expect(F32.fromInt32(Int32.min + 1, .up) == fpResult(0xCEFF_FFFF, .inexact))
        #expect(F64.fromUInt64(UInt64.max, .nearestEven) == fpResult(d(0x1p64), .inexact))
        #expect(F64.fromUInt64(UInt64.max, .towardZero) == fpResult(0x43EF_FFFF_FFFF_FFFF, .inexact))
        #expect(F32.fromUInt64(UInt64.max, .up) == fpResult(s(0x1p64), .inexact))
        #expect(F32.fromUInt32(16_777_217, .nearestEven) == fpResult(s(16_777_216), .inexact))
        #expect(F32.fromUInt32(16_777_217, .nearestMaxMagnitude) == fpResult(s(16_777_218), .inexact))
        #expect(F64.fromInt64(9_007_199_254_740_993, .nearestEven) == fpResult(d(9_007_199_254_740_992), .inexact))
        #expect(F64.fromInt64(-9_007_199_254_740_993, .down) == fpResult(d(-9_007_199_254_740_994), .inexact))
    }

    @Test func wideningIsExact() {
        #expect(F32.toF64(s(1.5)) == fpResult(d(1.5)))
        #expect(F32.toF64(minSubnormal32 | sign32) == fpResult(d(-0x1p-149)))
        #expect(F32.toF64(maxFinite32) == fpResult(d(Double(Float.greatestFiniteMagnitude))))
        #expect(F32.toF64(negativeZero32) == fpResult(negativeZero64))
        #expect(F32.toF64(infinity32 | sign32) == fpResult(infinity64 | sign64))
        #expect(F32.toF64(quietNaN32WithPayload) == fpResult(F64.canonicalNaN))
        #expect(F32.toF64(signalingNaN32) == fpResult(F64.canonicalNaN, .invalid))
    }

    @Test func narrowingRoundsByMode() {
        #expect(F64.toF32(d(1.5), .up) == fpResult(s(1.5)))
        #expect(F64.toF32(d(0.1), .nearestEven) == fpResult(s(0.1), .inexact))
        #expect(F64.toF32(d(0.1), .towardZero) == fpResult(s(Float(0.1).nextDown), .inexact))
        #expect(F64.toF32(d(1e300), .nearestEven) == fpResult(infinity32, [.overflow, .inexact]))
        #expect(F64.toF32(d(1e300), .towardZero) == fpResult(maxFinite32, [.overflow, .inexact]))
        #expect(F64.toF32(d(-1e300), .up) == fpResult(maxFinite32 | sign32, [.overflow, .inexact]))
        #expect(F64.toF32(infinity64, .towardZero) == fpResult(infinity32))
        #expect(F64.toF32(d(1e-300), .nearestEven) == fpResult(0, [.underflow, .inexact]))
        #expect(F64.toF32(d(1e-300), .up) == fpResult(minSubnormal32, [.underflow, .inexact]))
        #expect(F64.toF32(d(-1e-300), .down) == fpResult(minSubnormal32 | sign32, [.underflow, .inexact]))
        #expect(F64.toF32(d(0x1p-149), .down) == fpResult(minSubnormal32))
        #expect(F64.toF32(negativeZero64, .up) == fpResult(negativeZero32))
        #expect(F64.toF32(quietNaN64WithPayload, .nearestEven) == fpResult(F32.canonicalNaN))
        #expect(F64.toF32(signalingNaN64, .nearestEven) == fpResult(F32.canonicalNaN, .invalid))
    }

    @Test func nanBoxing() {
        #expect(boxF32(s(1)) == 0xFFFF_FFFF_3F80_0000)
        #expect(boxF32(negativeZero32) == 0xFFFF_FFFF_8000_0000)
        #expect(unboxF32(0xFFFF_FFFF_3F80_0000) == s(1))
        #expect(unboxF32(boxF32(signalingNaN32)) == signalingNaN32)
        #expect(unboxF32(0x0000_0000_3F80_0000) == F32.canonicalNaN)
        #expect(unboxF32(0xFFFF_FFFE_3F80_0000) == F32.canonicalNaN)
        #expect(unboxF32(d(1)) == F32.canonicalNaN)
    }
}
