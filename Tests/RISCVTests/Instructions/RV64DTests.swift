import Testing
@testable import RISCV

/// Every RV64D instruction on the hart, with register results and fflags.
@Suite struct RV64DTests {
    typealias E = Encode.FP

    /// Runs one instruction with f1, f2, f3 and x1 set; the result is read from f10 or x10.
    func run(_ word: UInt32, _ a: UInt64 = 0, _ b: UInt64 = 0, _ c: UInt64 = 0, x1: UInt64 = 0,
             frm: UInt64 = 0) throws -> FloatingPointMachine {
        let m = try FloatingPointMachine(frm: frm)
        #expect(m.run([word], f: [1: a, 2: b, 3: c], x: [1: x1]) == .budgetExhausted)
        return m
    }
    func op(_ funct5: UInt32, rs2: Int = 2, rm: UInt32 = 0) -> UInt32 { Encode.fp(funct5, 1, 10, 1, rs2, rm: rm) }

    @Test func arithmetic() throws {
        var m = try run(op(E.add), Bits.d(0.1), Bits.d(0.2))
        #expect(m.f(10) == Bits.d(0.1 + 0.2) && m.fflags == Flag.nx)
        m = try run(op(E.sub, rm: 2), Bits.d(1.5), Bits.d(1.5))
        #expect(m.f(10) == Bits.d(-0.0) && m.fflags == 0, "an exact zero difference is -0 under rdn")
        m = try run(op(E.sub), Bits.d(1.5), Bits.d(1.5))
        #expect(m.f(10) == Bits.d(0) && m.fflags == 0)
        m = try run(op(E.mul), Bits.d(0x1p-1000), Bits.d(0x1p-100))
        #expect(m.f(10) == Bits.d(0) && m.fflags == Flag.uf | Flag.nx)
        m = try run(op(E.div), Bits.d(-1), Bits.d(0))
        #expect(m.f(10) == Bits.d(-.infinity) && m.fflags == Flag.dz)
        m = try run(op(E.div), Bits.d(0), Bits.d(0))
        #expect(m.f(10) == Bits.canonicalNaND && m.fflags == Flag.nv)
        m = try run(op(E.sqrt, rs2: 0), Bits.d(-0.0))
        #expect(m.f(10) == Bits.d(-0.0) && m.fflags == 0)
        m = try run(op(E.sqrt, rs2: 0), Bits.d(2))
        #expect(m.f(10) == Bits.d(2.0.squareRoot()) && m.fflags == Flag.nx)
    }

    @Test func fusedMultiplyAdds() throws {
        let a = Bits.d(2), b = Bits.d(3), c = Bits.d(0.5)
        #expect(try run(Encode.fma(0x43, 1, 10, 1, 2, 3, rm: 0), a, b, c).f(10) == Bits.d(6.5))
        #expect(try run(Encode.fma(0x47, 1, 10, 1, 2, 3, rm: 0), a, b, c).f(10) == Bits.d(5.5))
        #expect(try run(Encode.fma(0x4b, 1, 10, 1, 2, 3, rm: 0), a, b, c).f(10) == Bits.d(-5.5))
        #expect(try run(Encode.fma(0x4f, 1, 10, 1, 2, 3, rm: 0), a, b, c).f(10) == Bits.d(-6.5))
        let x = 1 + 0x1p-52
        let m = try run(Encode.fma(0x47, 1, 10, 1, 2, 3, rm: 0), Bits.d(x), Bits.d(x), Bits.d(x * x))
        #expect(m.f(10) == Bits.d(0x1p-104) && m.fflags == 0, "single rounding keeps the low product bits")
    }

    @Test func signInjectionMinMaxAndComparisons() throws {
        #expect(try run(op(E.sgnj, rm: 0), Bits.d(3), Bits.d(-1)).f(10) == Bits.d(-3))
        #expect(try run(op(E.sgnj, rm: 1), Bits.d(3), Bits.d(-1)).f(10) == Bits.d(3))
        #expect(try run(op(E.sgnj, rm: 2), Bits.d(-3), Bits.d(-1)).f(10) == Bits.d(3))
        #expect(try run(op(E.minMax, rm: 0), Bits.d(-0.0), Bits.d(0)).f(10) == Bits.d(-0.0))
        #expect(try run(op(E.minMax, rm: 1), Bits.d(-0.0), Bits.d(0)).f(10) == Bits.d(0))
        var m = try run(op(E.minMax, rm: 0), Bits.signalingNaND, Bits.d(-4))
        #expect(m.f(10) == Bits.d(-4) && m.fflags == Flag.nv)
        m = try run(op(E.minMax, rm: 1), Bits.canonicalNaND, Bits.canonicalNaND)
        #expect(m.f(10) == Bits.canonicalNaND && m.fflags == 0)
        #expect(try run(op(E.compare, rm: 2), Bits.d(1), Bits.d(1)).x(10) == 1)
        #expect(try run(op(E.compare, rm: 1), Bits.d(-1), Bits.d(1)).x(10) == 1)
        #expect(try run(op(E.compare, rm: 0), Bits.d(1), Bits.d(-1)).x(10) == 0)
        m = try run(op(E.compare, rm: 0), Bits.canonicalNaND, Bits.d(1))
        #expect(m.x(10) == 0 && m.fflags == Flag.nv)
        m = try run(op(E.compare, rm: 2), Bits.signalingNaND, Bits.d(1))
        #expect(m.x(10) == 0 && m.fflags == Flag.nv)
    }

    @Test func conversionsToIntegerSaturateAndSignExtend() throws {
        func toInteger(_ selector: Int, _ value: Double, rm: UInt32 = 1) throws -> (UInt64, UInt64) {
            let m = try run(op(E.toInteger, rs2: selector, rm: rm), Bits.d(value))
            return (m.x(10), m.fflags)
        }
        #expect(try toInteger(0, -3.7) == (UInt64(bitPattern: -3), Flag.nx))
        #expect(try toInteger(0, -3.5, rm: 4) == (UInt64(bitPattern: -4), Flag.nx), "rmm: ties away")
        #expect(try toInteger(0, 2147483648) == (0x7fff_ffff, Flag.nv))
        #expect(try toInteger(0, -2147483649) == (0xffff_ffff_8000_0000, Flag.nv))
        #expect(try toInteger(1, 4294967295) == (UInt64.max, 0), "fcvt.wu.d sign-extends")
        #expect(try toInteger(1, 4294967296) == (UInt64.max, Flag.nv))
        #expect(try toInteger(1, .nan) == (UInt64.max, Flag.nv))
        #expect(try toInteger(2, 0x1p63) == (UInt64(Int64.max), Flag.nv))
        #expect(try toInteger(2, -0x1p63) == (UInt64(1) << 63, 0))
        #expect(try toInteger(2, .nan) == (UInt64(Int64.max), Flag.nv))
        #expect(try toInteger(3, 0x1p63) == (UInt64(1) << 63, 0))
        #expect(try toInteger(3, -1) == (0, Flag.nv))
        #expect(try toInteger(3, -.infinity) == (0, Flag.nv))
    }

    @Test func conversionsFromInteger() throws {
        func fromInteger(_ selector: Int, _ value: UInt64, rm: UInt32 = 0) throws -> FloatingPointMachine {
            try run(op(E.fromInteger, rs2: selector, rm: rm), x1: value)
        }
        #expect(try fromInteger(0, 0xffff_ffff_8000_0000).f(10) == Bits.d(-2147483648))
        #expect(try fromInteger(0, 0x1_0000_0005).f(10) == Bits.d(5), "fcvt.d.w reads the low 32 bits")
        #expect(try fromInteger(1, 0xffff_ffff_ffff_ffff).f(10) == Bits.d(4294967295))
        var m = try fromInteger(2, UInt64(bitPattern: -(1 << 53) - 1))
        #expect(m.f(10) == Bits.d(-0x1p53) && m.fflags == Flag.nx)
        m = try fromInteger(2, UInt64(bitPattern: -(1 << 53) - 1), rm: 2)
        #expect(m.f(10) == Bits.d(-0x1p53 - 2), "rdn")
        m = try fromInteger(3, UInt64.max)
        #expect(m.f(10) == Bits.d(0x1p64) && m.fflags == Flag.nx)
    }

    @Test func movesClassifyAndWidening() throws {
        var m = try run(Encode.fp(E.moveToInteger, 1, 10, 1, 0, rm: 0), Bits.d(-2))
        #expect(m.x(10) == 0xc000_0000_0000_0000 && m.fflags == 0)
        m = try run(Encode.fp(E.moveFromInteger, 1, 10, 1, 0, rm: 0), x1: 0x7ff0_0000_0000_0001)
        #expect(m.f(10) == Bits.signalingNaND, "fmv.d.x moves bits unchanged")
        let classes: [(UInt64, UInt64)] = [
            (Bits.d(-.infinity), 1 << 0), (Bits.d(-1), 1 << 1), (Bits.d(-0x1p-1060), 1 << 2), (Bits.d(-0.0), 1 << 3),
            (Bits.d(0), 1 << 4), (Bits.d(0x1p-1060), 1 << 5), (Bits.d(1), 1 << 6), (Bits.d(.infinity), 1 << 7),
            (Bits.signalingNaND, 1 << 8), (Bits.canonicalNaND, 1 << 9),
        ]
        for (value, mask) in classes {
            #expect(try run(Encode.fp(E.moveToInteger, 1, 10, 1, 0, rm: 1), value).x(10) == mask)
        }
        m = try run(Encode.fp(E.convertFormat, 1, 10, 1, 0, rm: 0), Bits.s(0.1))
        #expect(m.f(10) == Bits.d(Double(Float(0.1))) && m.fflags == 0, "fcvt.d.s is exact")
        m = try run(Encode.fp(E.convertFormat, 1, 10, 1, 0, rm: 0), Bits.signalingNaNS)
        #expect(m.f(10) == Bits.canonicalNaND && m.fflags == Flag.nv)
        m = try run(Encode.fp(E.convertFormat, 1, 10, 1, 0, rm: 0), Bits.d(1))
        #expect(m.f(10) == Bits.canonicalNaND && m.fflags == 0, "an unboxed single widens as the canonical NaN")
    }
}
