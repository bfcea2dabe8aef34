/// Just enough RV64I encoding to hand-assemble the end-to-end test programs.
enum Asm {
    static let zero = 0, ra = 1, sp = 2, t0 = 5, t1 = 6, t2 = 7, s1 = 9, a0 = 10, a1 = 11, a2 = 12, a3 = 13, a4 = 14, a5 = 15, a7 = 17

    static func i(_ opcode: UInt32, _ f3: UInt32, _ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 {
        precondition(imm >= -2048 && imm < 2048, "I-immediate out of range")
        return UInt32(truncatingIfNeeded: imm & 0xfff) << 20 | UInt32(rs1) << 15 | f3 << 12 | UInt32(rd) << 7 | opcode
    }

    static func s(_ f3: UInt32, _ rs2: Int, _ rs1: Int, _ imm: Int64) -> UInt32 {
        let u = UInt32(truncatingIfNeeded: imm & 0xfff)
        return (u >> 5) << 25 | UInt32(rs2) << 20 | UInt32(rs1) << 15 | f3 << 12 | (u & 0x1f) << 7 | 0x23
    }

    static func addi(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { i(0x13, 0, rd, rs1, imm) }
    static func addiw(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { i(0x1b, 0, rd, rs1, imm) }
    static func slli(_ rd: Int, _ rs1: Int, _ shamt: Int64) -> UInt32 { i(0x13, 1, rd, rs1, shamt) }
    static func ld(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { i(0x03, 3, rd, rs1, imm) }
    static func lbu(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { i(0x03, 4, rd, rs1, imm) }
    static func sd(_ rs2: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { s(3, rs2, rs1, imm) }
    static func sb(_ rs2: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { s(0, rs2, rs1, imm) }
    static func jalr(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { i(0x67, 0, rd, rs1, imm) }
    static func lui(_ rd: Int, _ imm20: Int64) -> UInt32 { UInt32(truncatingIfNeeded: imm20 & 0xfffff) << 12 | UInt32(rd) << 7 | 0x37 }
    static func add(_ rd: Int, _ rs1: Int, _ rs2: Int) -> UInt32 { UInt32(rs2) << 20 | UInt32(rs1) << 15 | UInt32(rd) << 7 | 0x33 }
    static let ecall: UInt32 = 0x0000_0073
    static let ebreak: UInt32 = 0x0010_0073

    /// bltu rs1, rs2, offset (bytes, from this instruction).
    static func bltu(_ rs1: Int, _ rs2: Int, _ offset: Int64) -> UInt32 {
        let u = UInt32(truncatingIfNeeded: offset)
        return (u >> 12 & 1) << 31 | (u >> 5 & 0x3f) << 25 | UInt32(rs2) << 20 | UInt32(rs1) << 15 | 6 << 12
            | (u >> 1 & 0xf) << 8 | (u >> 11 & 1) << 7 | 0x63
    }

    /// jal rd, offset.
    static func jal(_ rd: Int, _ offset: Int64) -> UInt32 {
        let u = UInt32(truncatingIfNeeded: offset)
        return (u >> 20 & 1) << 31 | (u >> 1 & 0x3ff) << 21 | (u >> 11 & 1) << 20 | (u >> 12 & 0xff) << 12 | UInt32(rd) << 7 | 0x6f
    }

    /// Loads any 64-bit constant.
    static func li(_ rd: Int, _ value: Int64) -> [UInt32] {
        if value >= -2048 && value < 2048 { return [addi(rd, zero, value)] }
        if value >= Int64(Int32.min) && value < Int64(Int32.max) - 0x800 {
            let hi = (value + 0x800) >> 12
            let lo = value - hi << 12
            return [lui(rd, hi)] + (lo != 0 ? [addiw(rd, rd, lo)] : [])
        }
        let lo = (value << 52) >> 52
        return li(rd, (value &- lo) >> 12) + [slli(rd, rd, 12)] + (lo != 0 ? [addi(rd, rd, lo)] : [])
    }

    /// `a7 = number; ecall`.
    static func syscall(_ number: Int64) -> [UInt32] { li(a7, number) + [ecall] }

    /// `exit(a0)`.
    static let exit: [UInt32] = syscall(93)

    static func bytes(_ words: [UInt32]) -> [UInt8] {
        words.flatMap { w in (0..<4).map { UInt8(truncatingIfNeeded: w >> (8 * UInt32($0))) } }
    }
}
