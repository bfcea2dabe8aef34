import Testing
@testable import RISCV

/// Zba, Zbb, Zbs, Zbc and Zicond against reference models written bit by bit from the spec's
/// pseudocode, over edge values and xorshift operands; plus decoding of every encoding in the table.
@Suite struct BitManipulationTests {
    static let edges: [UInt64] = [0, 1, 2, 31, 32, 33, 63, 64, 65, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff,
                                  0x1_0000_0000, 0xffff_ffff_0000_0000, 1 << 63, UInt64.max, UInt64.max - 1,
                                  0x0101_0101_0101_0101, 0x00ff_00ff_00ff_00ff]

    /// Edge values and `count` xorshift values.
    static func operands(count: Int = 40) -> [UInt64] {
        var g = XorshiftGenerator(state: 0x2545_f491_4f6c_dd1d)
        return edges + (0..<count).map { _ in g.next() >> (g.next() & 63) }
    }

    static func s(_ v: UInt64) -> Int64 { Int64(bitPattern: v) }
    static func sext32(_ v: UInt64) -> UInt64 { UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: v))) }

    /// Carry-less product of a and b as (high, low), one bit at a time.
    static func clmulReference(_ a: UInt64, _ b: UInt64) -> (UInt64, UInt64) {
        var high: UInt64 = 0, low: UInt64 = 0
        for i in 0..<64 where (b >> UInt64(i)) & 1 == 1 {
            low ^= a << UInt64(i)
            if i > 0 { high ^= a >> UInt64(64 - i) }
        }
        return (high, low)
    }

    /// The register operations: (funct7, funct3, major opcode, reference).
    static let registerOps: [(String, UInt32, UInt32, UInt32, (UInt64, UInt64) -> UInt64)] = [
        ("add.uw", 0x04, 0, 0x3b, { ($0 & 0xffff_ffff) &+ $1 }),
        ("sh1add", 0x10, 2, 0x33, { $0 &* 2 &+ $1 }),
        ("sh2add", 0x10, 4, 0x33, { $0 &* 4 &+ $1 }),
        ("sh3add", 0x10, 6, 0x33, { $0 &* 8 &+ $1 }),
        ("sh1add.uw", 0x10, 2, 0x3b, { ($0 & 0xffff_ffff) &* 2 &+ $1 }),
        ("sh2add.uw", 0x10, 4, 0x3b, { ($0 & 0xffff_ffff) &* 4 &+ $1 }),
        ("sh3add.uw", 0x10, 6, 0x3b, { ($0 & 0xffff_ffff) &* 8 &+ $1 }),
        ("andn", 0x20, 7, 0x33, { $0 & ~$1 }),
        ("orn", 0x20, 6, 0x33, { $0 | ~$1 }),
        ("xnor", 0x20, 4, 0x33, { ~($0 ^ $1) }),
        ("min", 0x05, 4, 0x33, { s($0) < s($1) ? $0 : $1 }),
        ("minu", 0x05, 5, 0x33, { $0 < $1 ? $0 : $1 }),
        ("max", 0x05, 6, 0x33, { s($0) > s($1) ? $0 : $1 }),
        ("maxu", 0x05, 7, 0x33, { $0 > $1 ? $0 : $1 }),
        ("rol", 0x30, 1, 0x33, { a, b in
            let n = b % 64
            return n == 0 ? a : a << n | a >> (64 - n)
        }),
        ("ror", 0x30, 5, 0x33, { a, b in
            let n = b % 64
            return n == 0 ? a : a >> n | a << (64 - n)
        }),
        ("rolw", 0x30, 1, 0x3b, { a, b in
            let w = a & 0xffff_ffff, n = b % 32
            return sext32(n == 0 ? w : w << n | w >> (32 - n))
        }),
        ("rorw", 0x30, 5, 0x3b, { a, b in
            let w = a & 0xffff_ffff, n = b % 32
            return sext32(n == 0 ? w : w >> n | w << (32 - n))
        }),
        ("bclr", 0x24, 1, 0x33, { $0 & ~(1 << ($1 % 64)) }),
        ("bext", 0x24, 5, 0x33, { ($0 >> ($1 % 64)) & 1 }),
        ("binv", 0x34, 1, 0x33, { $0 ^ (1 << ($1 % 64)) }),
        ("bset", 0x14, 1, 0x33, { $0 | (1 << ($1 % 64)) }),
        ("clmul", 0x05, 1, 0x33, { clmulReference($0, $1).1 }),
        ("clmulh", 0x05, 3, 0x33, { clmulReference($0, $1).0 }),
        ("clmulr", 0x05, 2, 0x33, { a, b in
            let (high, low) = clmulReference(a, b)
            return high << 1 | low >> 63
        }),
        ("czero.eqz", 0x07, 5, 0x33, { $1 == 0 ? 0 : $0 }),
        ("czero.nez", 0x07, 7, 0x33, { $1 != 0 ? 0 : $0 }),
    ]

    /// The unary operations: (imm[11:0], funct3, major opcode, reference).
    static let unaryOps: [(String, UInt32, UInt32, UInt32, (UInt64) -> UInt64)] = [
        ("clz", 0x600, 1, 0x13, { v in UInt64((0..<64).first { v >> (63 - $0) & 1 == 1 } ?? 64) }),
        ("ctz", 0x601, 1, 0x13, { v in UInt64((0..<64).first { v >> $0 & 1 == 1 } ?? 64) }),
        ("cpop", 0x602, 1, 0x13, { v in UInt64((0..<64).filter { v >> $0 & 1 == 1 }.count) }),
        ("clzw", 0x600, 1, 0x1b, { v in UInt64((0..<32).first { v >> (31 - $0) & 1 == 1 } ?? 32) }),
        ("ctzw", 0x601, 1, 0x1b, { v in UInt64((0..<32).first { v >> $0 & 1 == 1 } ?? 32) }),
        ("cpopw", 0x602, 1, 0x1b, { v in UInt64((0..<32).filter { v >> $0 & 1 == 1 }.count) }),
        ("sext.b", 0x604, 1, 0x13, { v in v & 0x80 != 0 ? v | ~0xff : v & 0xff }),
        ("sext.h", 0x605, 1, 0x13, { v in v & 0x8000 != 0 ? v | ~0xffff : v & 0xffff }),
        ("zext.h", 0x080, 4, 0x3b, { $0 & 0xffff }),
        ("orc.b", 0x287, 5, 0x13, { v in
            (0..<8).reduce(UInt64(0)) { r, i in (v >> (8 * i)) & 0xff != 0 ? r | 0xff << (8 * i) : r }
        }),
        ("rev8", 0x6b8, 5, 0x13, { v in
            (0..<8).reduce(UInt64(0)) { r, i in r | ((v >> (8 * i)) & 0xff) << (56 - 8 * i) }
        }),
    ]

    /// The shift-immediate operations: (imm[11:6] or funct7, funct3, major opcode, amount bits, reference).
    static let shiftOps: [(String, UInt32, UInt32, UInt32, UInt64, (UInt64, UInt64) -> UInt64)] = [
        ("slli.uw", 0x02, 1, 0x1b, 63, { ($0 & 0xffff_ffff) << $1 }),
        ("rori", 0x18, 5, 0x13, 63, { a, n in n == 0 ? a : a >> n | a << (64 - n) }),
        ("roriw", 0x30, 5, 0x1b, 31, { a, n in
            let w = a & 0xffff_ffff
            return sext32(n == 0 ? w : w >> n | w << (32 - n))
        }),
        ("bclri", 0x12, 1, 0x13, 63, { $0 & ~(1 << $1) }),
        ("bexti", 0x12, 5, 0x13, 63, { ($0 >> $1) & 1 }),
        ("binvi", 0x1a, 1, 0x13, 63, { $0 ^ (1 << $1) }),
        ("bseti", 0x0a, 1, 0x13, 63, { $0 | (1 << $1) }),
    ]

    /// Runs `word` with x1 = a, x2 = b; returns x3 (the destination of every encoding here).
    func run(_ word: UInt32, _ a: UInt64, _ b: UInt64 = 0) throws -> UInt64 {
        let m = try TestMachine()
        m.hart.setRegister(1, a)
        m.hart.setRegister(2, b)
        #expect(m.run([word]) == .budgetExhausted)
        return m.x(3)
    }

    @Test func registerOperationsMatchTheirReferences() throws {
        let values = Self.operands(count: 12)
        for (name, funct7, funct3, major, reference) in Self.registerOps {
            let word = Encode.r(funct7, 2, 1, funct3, 3, major)
            for a in values { for b in values {
                #expect(try run(word, a, b) == reference(a, b), "\(name) 0x\(String(a, radix: 16)), 0x\(String(b, radix: 16))")
            } }
        }
    }

    @Test func unaryOperationsMatchTheirReferences() throws {
        for (name, imm, funct3, major, reference) in Self.unaryOps {
            let word = Encode.i(Int64(imm), 1, funct3, 3, major)
            for a in Self.operands() {
                #expect(try run(word, a) == reference(a), "\(name) 0x\(String(a, radix: 16))")
            }
        }
    }

    @Test func shiftImmediatesMatchTheirReferences() throws {
        for (name, high, funct3, major, maxAmount, reference) in Self.shiftOps {
            let shift: UInt32 = maxAmount == 31 ? 25 : 26
            for amount in [0, 1, 31, maxAmount / 2 + 1, maxAmount] {
                let word = high << shift | UInt32(amount) << 20 | 1 << 15 | funct3 << 12 | 3 << 7 | major
                for a in Self.operands(count: 8) {
                    #expect(try run(word, a) == reference(a, amount), "\(name) 0x\(String(a, radix: 16)), \(amount)")
                }
            }
        }
    }

    @Test func everyEncodingDecodesToItsOperationAndRunsOnTheStraightLine() {
        for e in BitManipulation.encodings {
            let bits = e.match | 5 << 7 | 6 << 15 | (e.form == .register ? 7 << 20 : 0)
            let d = Decoder.decode(bits)
            #expect(d.op == e.op, "\(e.mnemonic)")
            #expect(!d.op.endsBlock, "\(e.mnemonic) ends no block")
            #expect(d.rd == 5 && d.rs1 == 6)
        }
        #expect(Set(BitManipulation.encodings.map(\.mnemonic)).count == 45)
    }

    @Test func writesToX0AreDropped() throws {
        let m = try TestMachine()
        m.hart.setRegister(1, 5)
        m.run([Encode.r(0x20, 1, 1, 7, 0, 0x33), Encode.i(0x600, 1, 1, 0, 0x13)])
        #expect(m.x(0) == 0)
    }

    @Test func misaReportsB() {
        #expect(ControlStatusRegisters.misaValue & (1 << 1) != 0)
    }
}
