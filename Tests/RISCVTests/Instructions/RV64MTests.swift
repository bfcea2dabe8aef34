import Testing
@testable import RISCV

@Suite struct RV64MTests {
    /// Runs one M instruction `funct3` (word form if `word`) on a and b; returns rd.
    func compute(_ funct3: UInt32, _ a: UInt64, _ b: UInt64, word: Bool = false) throws -> UInt64 {
        let m = try TestMachine()
        m.hart.setRegister(1, a)
        m.hart.setRegister(2, b)
        m.run([Encode.mulDiv(funct3, 3, 1, 2, word: word)])
        return m.x(3)
    }

    static let minI64 = UInt64(1) << 63
    static func s(_ v: Int64) -> UInt64 { UInt64(bitPattern: v) }

    @Test func multiplication() throws {
        #expect(try compute(0, Self.s(7), Self.s(-3)) == Self.s(-21))
        #expect(try compute(1, UInt64.max, UInt64.max) == 0, "mulh(-1, -1) = high part of 1")
        #expect(try compute(1, Self.minI64, Self.minI64) == 0x4000_0000_0000_0000)
        #expect(try compute(3, UInt64.max, UInt64.max) == 0xffff_ffff_ffff_fffe)
        #expect(try compute(2, UInt64.max, UInt64.max) == UInt64.max, "mulhsu(-1, 2^64-1)")
        #expect(try compute(2, 2, UInt64.max) == 1)
        #expect(try compute(0, 0x7fff_ffff, 2, word: true) == 0xffff_ffff_ffff_fffe)
        #expect(try compute(0, 0x1_0000, 0x1_0000, word: true) == 0)
    }

    @Test func divisionByZero() throws {
        #expect(try compute(4, 5, 0) == UInt64.max)
        #expect(try compute(5, 5, 0) == UInt64.max)
        #expect(try compute(6, 5, 0) == 5)
        #expect(try compute(7, 5, 0) == 5)
        #expect(try compute(4, 5, 0, word: true) == UInt64.max)
        #expect(try compute(5, 5, 0, word: true) == UInt64.max)
        #expect(try compute(6, 0x1_8000_0000, 0, word: true) == 0xffff_ffff_8000_0000, "remw returns sext(dividend[31:0])")
        #expect(try compute(7, 0x1_8000_0000, 0, word: true) == 0xffff_ffff_8000_0000)
    }

    @Test func signedOverflow() throws {
        #expect(try compute(4, Self.minI64, UInt64.max) == Self.minI64)
        #expect(try compute(6, Self.minI64, UInt64.max) == 0)
        #expect(try compute(4, 0x8000_0000, UInt64.max, word: true) == 0xffff_ffff_8000_0000)
        #expect(try compute(6, 0x8000_0000, UInt64.max, word: true) == 0)
    }

    @Test func roundingTowardZero() throws {
        #expect(try compute(4, Self.s(-7), 2) == Self.s(-3))
        #expect(try compute(6, Self.s(-7), 2) == Self.s(-1))
        #expect(try compute(5, Self.s(-7), 2) == (UInt64.max - 6) / 2)
        #expect(try compute(7, Self.s(-7), 2) == 1)
        #expect(try compute(4, Self.s(-7), 2, word: true) == Self.s(-3))
        #expect(try compute(5, 0xffff_fff9, 2, word: true) == 0x7fff_fffc)
        #expect(try compute(7, 0xffff_fff9, 2, word: true) == 1)
    }
}
