import Testing
@testable import RISCV

/// Every RV64F instruction on the hart, with register results and fflags.
@Suite struct RV64FTests {
    typealias E = Encode.FP

    /// Runs one instruction with f1, f2, f3 and x1 set; the result is read from f10 or x10.
    func run(_ word: UInt32, _ a: UInt64 = 0, _ b: UInt64 = 0, _ c: UInt64 = 0, x1: UInt64 = 0,
             frm: UInt64 = 0) throws -> FloatingPointMachine {
        let m = try FloatingPointMachine(frm: frm)
        #expect(m.run([word], f: [1: a, 2: b, 3: c], x: [1: x1]) == .budgetExhausted)
        return m
    }
    func op(_ funct5: UInt32, rs2: Int = 2, rm: UInt32 = 0) -> UInt32 { Encode.fp(funct5, 0, 10, 1, rs2, rm: rm) }

    @Test func arithmetic() throws {
        var m = try run(op(E.add), Bits.s(1.5), Bits.s(2.25))
        #expect(m.f(10) == Bits.s(3.75) && m.fflags == 0)
        m = try run(op(E.sub), Bits.s(1.5), Bits.s(2.25))
        #expect(m.f(10) == Bits.s(-0.75) && m.fflags == 0)
        m = try run(op(E.mul), Bits.s(1.5), Bits.s(-4))
        #expect(m.f(10) == Bits.s(-6) && m.fflags == 0)
        m = try run(op(E.div), Bits.s(1), Bits.s(3))
        #expect(m.f(10) == Bits.s(1.0 / 3.0) && m.fflags == Flag.nx)
        m = try run(op(E.div), Bits.s(1), Bits.s(0))
        #expect(m.f(10) == Bits.s(.infinity) && m.fflags == Flag.dz)
        m = try run(op(E.mul), Bits.s(3e38), Bits.s(10))
        #expect(m.f(10) == Bits.s(.infinity) && m.fflags == Flag.of | Flag.nx)
        m = try run(op(E.sqrt, rs2: 0), Bits.s(2))
        #expect(m.f(10) == Bits.s(Float(2).squareRoot()) && m.fflags == Flag.nx)
        m = try run(op(E.sqrt, rs2: 0), Bits.s(-1))
        #expect(m.f(10) == Bits.canonicalNaNS && m.fflags == Flag.nv)
        m = try run(op(E.add), Bits.s(.infinity), Bits.s(-.infinity))
        #expect(m.f(10) == Bits.canonicalNaNS && m.fflags == Flag.nv)
    }

    @Test func fusedMultiplyAdds() throws {
        let a = Bits.s(2), b = Bits.s(3), c = Bits.s(1)
        var m = try run(Encode.fma(0x43, 0, 10, 1, 2, 3, rm: 0), a, b, c)
        #expect(m.f(10) == Bits.s(7))
        m = try run(Encode.fma(0x47, 0, 10, 1, 2, 3, rm: 0), a, b, c)
        #expect(m.f(10) == Bits.s(5))
        m = try run(Encode.fma(0x4b, 0, 10, 1, 2, 3, rm: 0), a, b, c)
        #expect(m.f(10) == Bits.s(-5))
        m = try run(Encode.fma(0x4f, 0, 10, 1, 2, 3, rm: 0), a, b, c)
        #expect(m.f(10) == Bits.s(-7))
        // One rounding: (1 + 2^-23) * (1 - 2^-23) - 1 = -2^-46 exactly.
        m = try run(Encode.fma(0x43, 0, 10, 1, 2, 3, rm: 0),
                    Bits.s(1 + 0x1p-23), Bits.s(1 - 0x1p-23), Bits.s(-1))
        #expect(m.f(10) == Bits.s(-0x1p-46) && m.fflags == 0)
        m = try run(Encode.fma(0x43, 0, 10, 1, 2, 3, rm: 0), Bits.s(0), Bits.s(.infinity), Bits.canonicalNaNS)
        #expect(m.f(10) == Bits.canonicalNaNS && m.fflags == Flag.nv)
    }

    @Test func signInjection() throws {
        let minusTwo = Bits.s(-2), three = Bits.s(3)
        #expect(try run(op(E.sgnj, rm: 0), three, minusTwo).f(10) == Bits.s(-3))
        #expect(try run(op(E.sgnj, rm: 1), three, minusTwo).f(10) == Bits.s(3))
        #expect(try run(op(E.sgnj, rm: 2), minusTwo, minusTwo).f(10) == Bits.s(2))
        let m = try run(op(E.sgnj, rm: 1), Bits.signalingNaNS, Bits.signalingNaNS)
        #expect(m.f(10) == boxF32(0xff80_0001) && m.fflags == 0, "no flags, NaN payload kept")
    }

    @Test func minimumAndMaximum() throws {
        #expect(try run(op(E.minMax, rm: 0), Bits.s(0), Bits.s(-0.0)).f(10) == Bits.s(-0.0))
        #expect(try run(op(E.minMax, rm: 1), Bits.s(-0.0), Bits.s(0)).f(10) == Bits.s(0))
        var m = try run(op(E.minMax, rm: 0), Bits.canonicalNaNS, Bits.s(5))
        #expect(m.f(10) == Bits.s(5) && m.fflags == 0)
        m = try run(op(E.minMax, rm: 1), Bits.signalingNaNS, Bits.s(5))
        #expect(m.f(10) == Bits.s(5) && m.fflags == Flag.nv)
        m = try run(op(E.minMax, rm: 1), Bits.signalingNaNS, Bits.canonicalNaNS)
        #expect(m.f(10) == Bits.canonicalNaNS && m.fflags == Flag.nv)
    }

    @Test func comparisons() throws {
        let one = Bits.s(1), two = Bits.s(2)
        #expect(try run(op(E.compare, rm: 2), one, one).x(10) == 1, "feq")
        #expect(try run(op(E.compare, rm: 1), one, two).x(10) == 1, "flt")
        #expect(try run(op(E.compare, rm: 1), two, one).x(10) == 0)
        #expect(try run(op(E.compare, rm: 0), two, two).x(10) == 1, "fle")
        #expect(try run(op(E.compare, rm: 2), Bits.s(0), Bits.s(-0.0)).x(10) == 1)
        var m = try run(op(E.compare, rm: 2), Bits.canonicalNaNS, one)
        #expect(m.x(10) == 0 && m.fflags == 0, "feq is quiet")
        m = try run(op(E.compare, rm: 2), Bits.signalingNaNS, one)
        #expect(m.x(10) == 0 && m.fflags == Flag.nv)
        m = try run(op(E.compare, rm: 1), Bits.canonicalNaNS, one)
        #expect(m.x(10) == 0 && m.fflags == Flag.nv, "flt signals on quiet NaNs")
        m = try run(Encode.fp(E.compare, 0, 0, 1, 2, rm: 2), one, one)
        #expect(m.x(0) == 0, "x0 stays zero")
    }

    @Test func conversionsToIntegerSaturateAndSignExtend() throws {
        func toInteger(_ selector: Int, _ value: Float, rm: UInt32 = 1) throws -> (UInt64, UInt64) {
            let m = try run(op(E.toInteger, rs2: selector, rm: rm), Bits.s(value))
            return (m.x(10), m.fflags)
        }
        #expect(try toInteger(0, -2.5) == (UInt64(bitPattern: -2), Flag.nx))
        #expect(try toInteger(0, -2.5, rm: 0) == (UInt64(bitPattern: -2), Flag.nx), "ties to even")
        #expect(try toInteger(0, 3e9) == (0x7fff_ffff, Flag.nv))
        #expect(try toInteger(0, -3e9) == (0xffff_ffff_8000_0000, Flag.nv))
        #expect(try toInteger(0, .nan) == (0x7fff_ffff, Flag.nv))
        #expect(try toInteger(1, 3e9) == (0xffff_ffff_b2d0_5e00, 0), "fcvt.wu.s sign-extends bit 31")
        #expect(try toInteger(1, -1) == (0, Flag.nv))
        #expect(try toInteger(1, -0.5) == (0, Flag.nx), "rounds to 0 first: only inexact")
        #expect(try toInteger(1, .infinity) == (UInt64.max, Flag.nv))
        #expect(try toInteger(2, -1e19) == (UInt64(1) << 63, Flag.nv))
        #expect(try toInteger(2, 1e10) == (10_000_000_000, 0))
        #expect(try toInteger(3, 1e19) == (9_999_999_980_506_447_872, 0))
        #expect(try toInteger(3, -5) == (0, Flag.nv))
        let m = try run(op(E.toInteger, rs2: 0, rm: 3), Bits.s(1.25))
        #expect(m.x(10) == 2, "static rup")
    }

    @Test func conversionsFromInteger() throws {
        func fromInteger(_ selector: Int, _ value: UInt64) throws -> FloatingPointMachine {
            try run(op(E.fromInteger, rs2: selector, rm: 0), x1: value)
        }
        #expect(try fromInteger(0, 0x1_ffff_fffe).f(10) == Bits.s(-2), "fcvt.s.w reads the low 32 bits")
        #expect(try fromInteger(1, 0xffff_ffff).f(10) == Bits.s(4294967296))
        #expect(try fromInteger(1, 0xffff_ffff).fflags == Flag.nx)
        #expect(try fromInteger(2, UInt64(bitPattern: -7)).f(10) == Bits.s(-7))
        #expect(try fromInteger(3, UInt64.max).f(10) == Bits.s(18446744073709551616))
        #expect(try fromInteger(2, 16_777_217).f(10) == Bits.s(16_777_216), "ties to even")
    }

    @Test func moveAndClassify() throws {
        var m = try run(Encode.fp(E.moveToInteger, 0, 10, 1, 0, rm: 0), Bits.s(-1))
        #expect(m.x(10) == 0xffff_ffff_bf80_0000, "fmv.x.w sign-extends")
        m = try run(Encode.fp(E.moveToInteger, 0, 10, 1, 0, rm: 0), 0x1234_5678_8000_0001)
        #expect(m.x(10) == 0xffff_ffff_8000_0001, "fmv.x.w does not check the NaN box")
        m = try run(Encode.fp(E.moveFromInteger, 0, 10, 1, 0, rm: 0), x1: 0xdead_beef_3f80_0000)
        #expect(m.f(10) == Bits.s(1), "fmv.w.x boxes the low 32 bits")
        m = try run(Encode.fp(E.moveFromInteger, 0, 0, 1, 0, rm: 0), x1: 0x4000_0000)
        #expect(m.f(0) == Bits.s(2), "f0 is a real register")
        let classes: [(UInt64, UInt64)] = [
            (Bits.s(-.infinity), 1 << 0), (Bits.s(-1), 1 << 1), (Bits.s(-0x1p-140), 1 << 2), (Bits.s(-0.0), 1 << 3),
            (Bits.s(0), 1 << 4), (Bits.s(0x1p-140), 1 << 5), (Bits.s(1), 1 << 6), (Bits.s(.infinity), 1 << 7),
            (Bits.signalingNaNS, 1 << 8), (Bits.canonicalNaNS, 1 << 9), (Bits.d(1), 1 << 9),
        ]
        for (value, mask) in classes {
            let r = try run(Encode.fp(E.moveToInteger, 0, 10, 1, 0, rm: 1), value)
            #expect(r.x(10) == mask && r.fflags == 0, "fclass.s of 0x\(String(value, radix: 16))")
        }
    }

    @Test func narrowingFromDouble() throws {
        var m = try run(Encode.fp(E.convertFormat, 0, 10, 1, 1, rm: 0), Bits.d(1.0 / 3.0))
        #expect(m.f(10) == Bits.s(1.0 / 3.0) && m.fflags == Flag.nx)
        m = try run(Encode.fp(E.convertFormat, 0, 10, 1, 1, rm: 1), Bits.d(1e300))
        #expect(m.f(10) == Bits.s(.greatestFiniteMagnitude) && m.fflags == Flag.of | Flag.nx)
        m = try run(Encode.fp(E.convertFormat, 0, 10, 1, 1, rm: 0), Bits.signalingNaND)
        #expect(m.f(10) == Bits.canonicalNaNS && m.fflags == Flag.nv)
    }

    @Test func improperlyBoxedOperandsReadAsCanonicalNaN() throws {
        let unboxed = Bits.d(1)
        var m = try run(op(E.add), unboxed, Bits.s(1))
        #expect(m.f(10) == Bits.canonicalNaNS && m.fflags == 0)
        m = try run(op(E.sgnj, rm: 1), unboxed, Bits.s(1))
        #expect(m.f(10) == boxF32(0xffc0_0000), "fsgnjn.s of an unboxed value negates the canonical NaN")
        m = try run(op(E.toInteger, rs2: 0, rm: 1), 0x0000_0000_3f80_0000)
        #expect(m.x(10) == 0x7fff_ffff && m.fflags == Flag.nv)
    }
}
