import Testing
@testable import RISCV

/// The host shortcuts agree bit for bit (value and flags) with the IEEE library wherever they apply.
@Suite struct HostArithmeticTests {
    /// A deterministic xorshift generator.
    struct Bits64 {
        var state: UInt64 = 0x9e37_79b9_7f4a_7c15
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        /// Mostly numbers in or near the shortcut window, sometimes any pattern.
        mutating func double() -> UInt64 {
            let r = next(), choice = r % 4
            if choice == 3 { return next() }
            let exponent = 1023 - 410 + (r >> 8) % 821
            let fraction = choice == 2 ? next() & 0xff << 44 : next()
            return next() & (1 << 63) | exponent << 52 | fraction & ((1 << 52) - 1)
        }
        mutating func single() -> UInt32 {
            let r = next(), choice = r % 4
            if choice == 3 { return UInt32(truncatingIfNeeded: next()) }
            let exponent = UInt32(127 - 35 + (r >> 8) % 71)
            let fraction = UInt32(truncatingIfNeeded: choice == 2 ? next() & 0xff << 15 : next())
            return UInt32(truncatingIfNeeded: next() >> 63) << 31 | exponent << 23 | fraction & 0x7f_ffff
        }
    }

    @Test func doublesAgreeWithTheLibrary() {
        var random = Bits64()
        var applied = 0
        for _ in 0..<20_000 {
            let a = random.double(), b = random.double(), c = random.double()
            let product = F64.mul(a, b, .nearestEven).value
            let negations = (random.next() & 1 == 1, random.next() & 1 == 1)
            let checks: [(FPResult<UInt64>?, FPResult<UInt64>)] = [
                (HostArithmetic.fusedMultiplyAdd(a, b, c, negateProduct: negations.0, negateAddend: negations.1, .nearestEven),
                 F64.fusedMultiplyAdd(a, b, c, negateProduct: negations.0, negateAddend: negations.1, .nearestEven)),
                (HostArithmetic.fusedMultiplyAdd(a, b, product, negateProduct: true, negateAddend: false, .nearestEven),
                 F64.fusedMultiplyAdd(a, b, product, negateProduct: true, negateAddend: false, .nearestEven)),
                (HostArithmetic.add(a, b, .nearestEven), F64.add(a, b, .nearestEven)),
                (HostArithmetic.add(a, b ^ 1 << 63, .nearestEven), F64.sub(a, b, .nearestEven)),
                (HostArithmetic.multiply(a, b, .nearestEven), F64.mul(a, b, .nearestEven)),
                (HostArithmetic.divide(a, b, .nearestEven), F64.div(a, b, .nearestEven)),
                (HostArithmetic.squareRoot(a, .nearestEven), F64.sqrt(a, .nearestEven)),
            ]
            for (index, (fast, exact)) in checks.enumerated() {
                guard let fast else { continue }
                applied += 1
                #expect(fast == exact, "op \(index) a 0x\(String(a, radix: 16)) b 0x\(String(b, radix: 16))")
            }
        }
        #expect(applied > 30_000)
    }

    @Test func singlesAgreeWithTheLibrary() {
        var random = Bits64()
        var applied = 0
        for _ in 0..<20_000 {
            let a = random.single(), b = random.single(), c = random.single()
            let product = F32.mul(a, b, .nearestEven).value
            let negations = (random.next() & 1 == 1, random.next() & 1 == 1)
            let checks: [(FPResult<UInt32>?, FPResult<UInt32>)] = [
                (HostArithmetic.fusedMultiplyAdd(a, b, c, negateProduct: negations.0, negateAddend: negations.1, .nearestEven),
                 F32.fusedMultiplyAdd(a, b, c, negateProduct: negations.0, negateAddend: negations.1, .nearestEven)),
                (HostArithmetic.fusedMultiplyAdd(a, b, product, negateProduct: true, negateAddend: false, .nearestEven),
                 F32.fusedMultiplyAdd(a, b, product, negateProduct: true, negateAddend: false, .nearestEven)),
                (HostArithmetic.add(a, b, .nearestEven), F32.add(a, b, .nearestEven)),
                (HostArithmetic.add(a, b ^ 1 << 31, .nearestEven), F32.sub(a, b, .nearestEven)),
                (HostArithmetic.multiply(a, b, .nearestEven), F32.mul(a, b, .nearestEven)),
                (HostArithmetic.divide(a, b, .nearestEven), F32.div(a, b, .nearestEven)),
                (HostArithmetic.squareRoot(a, .nearestEven), F32.sqrt(a, .nearestEven)),
            ]
            for (index, (fast, exact)) in checks.enumerated() {
                guard let fast else { continue }
                applied += 1
                #expect(fast == exact, "op \(index) a 0x\(String(a, radix: 16)) b 0x\(String(b, radix: 16))")
            }
        }
        #expect(applied > 30_000)
    }

    @Test func exactAndInexactCases() {
        #expect(HostArithmetic.add((0.1).bitPattern, (0.2).bitPattern, .nearestEven)
                == FPResult(value: (0.1 + 0.2).bitPattern, flags: .inexact))
        #expect(HostArithmetic.add((1.5).bitPattern, (-1.5).bitPattern, .nearestEven) == FPResult(value: 0))
        #expect(HostArithmetic.add((1.0).bitPattern, (0x1p-60).bitPattern, .nearestEven)
                == FPResult(value: (1.0).bitPattern, flags: .inexact), "an absorbed addend is inexact")
        #expect(HostArithmetic.squareRoot((4.0).bitPattern, .nearestEven) == FPResult(value: (2.0).bitPattern))
        #expect(HostArithmetic.divide(Float(1).bitPattern, Float(3).bitPattern, .nearestEven)
                == FPResult(value: Float(1.0 / 3.0).bitPattern, flags: .inexact))
        #expect(HostArithmetic.multiply(Float(1.5).bitPattern, Float(-4).bitPattern, .nearestEven)
                == FPResult(value: Float(-6).bitPattern))
    }

    @Test func fusedMultiplyAddResidues() {
        let x = 1 + 0x1p-52
        let exact = HostArithmetic.fusedMultiplyAdd(x.bitPattern, x.bitPattern, (x * x).bitPattern,
                                                    negateProduct: false, negateAddend: true, .nearestEven)
        #expect(exact == FPResult(value: (0x1p-104).bitPattern), "x*x - fl(x*x) is exact")
        let cancelled = HostArithmetic.fusedMultiplyAdd((3.0).bitPattern, (2.0).bitPattern, (6.0).bitPattern,
                                                        negateProduct: true, negateAddend: false, .nearestEven)
        #expect(cancelled == FPResult(value: 0), "an exact zero is +0")
        let inexact = HostArithmetic.fusedMultiplyAdd((0.1).bitPattern, (3.0).bitPattern, (1.0).bitPattern,
                                                      negateProduct: false, negateAddend: false, .nearestEven)
        #expect(inexact?.flags == .inexact)
    }

    @Test func declinesOutsideItsDomain() {
        let one = (1.0).bitPattern
        #expect(HostArithmetic.add(one, one, .towardZero) == nil, "other rounding modes")
        #expect(HostArithmetic.add(one, (0x1p401).bitPattern, .nearestEven) == nil)
        #expect(HostArithmetic.add(one, (0x1p-401).bitPattern, .nearestEven) == nil)
        #expect(HostArithmetic.add(one, (0x1p400).bitPattern, .nearestEven) != nil)
        #expect(HostArithmetic.multiply(one, 0, .nearestEven) == nil, "zero")
        #expect(HostArithmetic.divide(one, F64.canonicalNaN, .nearestEven) == nil)
        #expect(HostArithmetic.squareRoot((-1.0).bitPattern, .nearestEven) == nil)
        #expect(HostArithmetic.add(Float(1).bitPattern, Float(0x1p31).bitPattern, .nearestEven) == nil)
        #expect(HostArithmetic.add(Float(1).bitPattern, Float(0x1p30).bitPattern, .nearestEven) != nil)
        #expect(HostArithmetic.multiply(Float(1).bitPattern, 0x7f80_0000, .nearestEven) == nil, "infinity")
    }
}
