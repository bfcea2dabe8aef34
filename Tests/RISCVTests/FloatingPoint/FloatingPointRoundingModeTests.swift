import Testing
@testable import RISCV

@Suite struct FloatingPointRoundingModeTests {
    @Test func staticAndDynamicRoundingModes() {
        #expect(RoundingMode(instructionField: 1, frm: 3) == .towardZero)
        #expect(RoundingMode(instructionField: 4, frm: 7) == .nearestMaxMagnitude)
        #expect(RoundingMode(instructionField: 7, frm: 2) == .down)
        #expect(RoundingMode(instructionField: 7, frm: 0) == .nearestEven)
        #expect(RoundingMode(instructionField: 5, frm: 0) == nil)
        #expect(RoundingMode(instructionField: 6, frm: 0) == nil)
        #expect(RoundingMode(instructionField: 7, frm: 5) == nil)
        #expect(RoundingMode(instructionField: 7, frm: 7) == nil)
    }

    @Test func flagsUseTheFflagsBitLayout() {
        #expect(FloatFlags.inexact.rawValue == 1)
        #expect(FloatFlags.underflow.rawValue == 2)
        #expect(FloatFlags.overflow.rawValue == 4)
        #expect(FloatFlags.divideByZero.rawValue == 8)
        #expect(FloatFlags.invalid.rawValue == 16)
    }
}
