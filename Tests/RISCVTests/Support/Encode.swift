/// A tiny assembler for tests: each function returns the 32-bit encoding of one instruction.
/// Register arguments are numbers (x0...x31); immediates are the architectural values.
enum Encode {
    static func r(_ funct7: UInt32, _ rs2: Int, _ rs1: Int, _ funct3: UInt32, _ rd: Int, _ opcode: UInt32) -> UInt32 {
        funct7 << 25 | UInt32(rs2) << 20 | UInt32(rs1) << 15 | funct3 << 12 | UInt32(rd) << 7 | opcode
    }
    static func i(_ imm: Int64, _ rs1: Int, _ funct3: UInt32, _ rd: Int, _ opcode: UInt32) -> UInt32 {
        UInt32(truncatingIfNeeded: imm & 0xfff) << 20 | UInt32(rs1) << 15 | funct3 << 12 | UInt32(rd) << 7 | opcode
    }
    static func s(_ imm: Int64, _ rs2: Int, _ rs1: Int, _ funct3: UInt32, _ opcode: UInt32) -> UInt32 {
        let v = UInt32(truncatingIfNeeded: imm & 0xfff)
        return (v >> 5) << 25 | UInt32(rs2) << 20 | UInt32(rs1) << 15 | funct3 << 12 | (v & 0x1f) << 7 | opcode
    }
    static func b(_ imm: Int64, _ rs2: Int, _ rs1: Int, _ funct3: UInt32) -> UInt32 {
        let v = UInt32(truncatingIfNeeded: imm)
        return ((v >> 12) & 1) << 31 | ((v >> 5) & 0x3f) << 25 | UInt32(rs2) << 20 | UInt32(rs1) << 15
            | funct3 << 12 | ((v >> 1) & 0xf) << 8 | ((v >> 11) & 1) << 7 | 0x63
    }

    static func lui(_ rd: Int, _ imm20: UInt32) -> UInt32 { imm20 << 12 | UInt32(rd) << 7 | 0x37 }
    static func auipc(_ rd: Int, _ imm20: UInt32) -> UInt32 { imm20 << 12 | UInt32(rd) << 7 | 0x17 }
    static func jal(_ rd: Int, _ imm: Int64) -> UInt32 {
        let v = UInt32(truncatingIfNeeded: imm)
        return ((v >> 20) & 1) << 31 | ((v >> 1) & 0x3ff) << 21 | ((v >> 11) & 1) << 20
            | ((v >> 12) & 0xff) << 12 | UInt32(rd) << 7 | 0x6f
    }
    static func jalr(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { i(imm, rs1, 0, rd, 0x67) }
    static func beq(_ rs1: Int, _ rs2: Int, _ imm: Int64) -> UInt32 { b(imm, rs2, rs1, 0) }
    static func bne(_ rs1: Int, _ rs2: Int, _ imm: Int64) -> UInt32 { b(imm, rs2, rs1, 1) }
    static func blt(_ rs1: Int, _ rs2: Int, _ imm: Int64) -> UInt32 { b(imm, rs2, rs1, 4) }
    static func bge(_ rs1: Int, _ rs2: Int, _ imm: Int64) -> UInt32 { b(imm, rs2, rs1, 5) }
    static func bltu(_ rs1: Int, _ rs2: Int, _ imm: Int64) -> UInt32 { b(imm, rs2, rs1, 6) }
    static func bgeu(_ rs1: Int, _ rs2: Int, _ imm: Int64) -> UInt32 { b(imm, rs2, rs1, 7) }

    static func load(_ funct3: UInt32, _ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { i(imm, rs1, funct3, rd, 0x03) }
    static func lb(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { load(0, rd, rs1, imm) }
    static func lh(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { load(1, rd, rs1, imm) }
    static func lw(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { load(2, rd, rs1, imm) }
    static func ld(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { load(3, rd, rs1, imm) }
    static func lbu(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { load(4, rd, rs1, imm) }
    static func lhu(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { load(5, rd, rs1, imm) }
    static func lwu(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { load(6, rd, rs1, imm) }
    static func sb(_ rs2: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { s(imm, rs2, rs1, 0, 0x23) }
    static func sh(_ rs2: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { s(imm, rs2, rs1, 1, 0x23) }
    static func sw(_ rs2: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { s(imm, rs2, rs1, 2, 0x23) }
    static func sd(_ rs2: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { s(imm, rs2, rs1, 3, 0x23) }

    static func addi(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { i(imm, rs1, 0, rd, 0x13) }
    static func slti(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { i(imm, rs1, 2, rd, 0x13) }
    static func sltiu(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { i(imm, rs1, 3, rd, 0x13) }
    static func xori(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { i(imm, rs1, 4, rd, 0x13) }
    static func ori(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { i(imm, rs1, 6, rd, 0x13) }
    static func andi(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { i(imm, rs1, 7, rd, 0x13) }
    static func slli(_ rd: Int, _ rs1: Int, _ sh: Int64) -> UInt32 { i(sh, rs1, 1, rd, 0x13) }
    static func srli(_ rd: Int, _ rs1: Int, _ sh: Int64) -> UInt32 { i(sh, rs1, 5, rd, 0x13) }
    static func srai(_ rd: Int, _ rs1: Int, _ sh: Int64) -> UInt32 { i(0x400 | sh, rs1, 5, rd, 0x13) }
    static func addiw(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { i(imm, rs1, 0, rd, 0x1b) }
    static func slliw(_ rd: Int, _ rs1: Int, _ sh: Int64) -> UInt32 { i(sh, rs1, 1, rd, 0x1b) }
    static func srliw(_ rd: Int, _ rs1: Int, _ sh: Int64) -> UInt32 { i(sh, rs1, 5, rd, 0x1b) }
    static func sraiw(_ rd: Int, _ rs1: Int, _ sh: Int64) -> UInt32 { i(0x400 | sh, rs1, 5, rd, 0x1b) }

    static func op(_ funct7: UInt32, _ funct3: UInt32, _ rd: Int, _ rs1: Int, _ rs2: Int) -> UInt32 { r(funct7, rs2, rs1, funct3, rd, 0x33) }
    static func op32(_ funct7: UInt32, _ funct3: UInt32, _ rd: Int, _ rs1: Int, _ rs2: Int) -> UInt32 { r(funct7, rs2, rs1, funct3, rd, 0x3b) }
    static func add(_ rd: Int, _ rs1: Int, _ rs2: Int) -> UInt32 { op(0, 0, rd, rs1, rs2) }
    static func sub(_ rd: Int, _ rs1: Int, _ rs2: Int) -> UInt32 { op(0x20, 0, rd, rs1, rs2) }
    static func sll(_ rd: Int, _ rs1: Int, _ rs2: Int) -> UInt32 { op(0, 1, rd, rs1, rs2) }
    static func slt(_ rd: Int, _ rs1: Int, _ rs2: Int) -> UInt32 { op(0, 2, rd, rs1, rs2) }
    static func sltu(_ rd: Int, _ rs1: Int, _ rs2: Int) -> UInt32 { op(0, 3, rd, rs1, rs2) }
    static func xor(_ rd: Int, _ rs1: Int, _ rs2: Int) -> UInt32 { op(0, 4, rd, rs1, rs2) }
    static func srl(_ rd: Int, _ rs1: Int, _ rs2: Int) -> UInt32 { op(0, 5, rd, rs1, rs2) }
    static func sra(_ rd: Int, _ rs1: Int, _ rs2: Int) -> UInt32 { op(0x20, 5, rd, rs1, rs2) }
    static func or(_ rd: Int, _ rs1: Int, _ rs2: Int) -> UInt32 { op(0, 6, rd, rs1, rs2) }
    static func and(_ rd: Int, _ rs1: Int, _ rs2: Int) -> UInt32 { op(0, 7, rd, rs1, rs2) }
    static func addw(_ rd: Int, _ rs1: Int, _ rs2: Int) -> UInt32 { op32(0, 0, rd, rs1, rs2) }
    static func subw(_ rd: Int, _ rs1: Int, _ rs2: Int) -> UInt32 { op32(0x20, 0, rd, rs1, rs2) }
    static func sllw(_ rd: Int, _ rs1: Int, _ rs2: Int) -> UInt32 { op32(0, 1, rd, rs1, rs2) }
    static func srlw(_ rd: Int, _ rs1: Int, _ rs2: Int) -> UInt32 { op32(0, 5, rd, rs1, rs2) }
    static func sraw(_ rd: Int, _ rs1: Int, _ rs2: Int) -> UInt32 { op32(0x20, 5, rd, rs1, rs2) }

    /// An M-extension operation: funct3 0...7 = mul, mulh, mulhsu, mulhu, div, divu, rem, remu.
    static func mulDiv(_ funct3: UInt32, _ rd: Int, _ rs1: Int, _ rs2: Int, word: Bool = false) -> UInt32 {
        word ? op32(1, funct3, rd, rs1, rs2) : op(1, funct3, rd, rs1, rs2)
    }
    /// An A-extension instruction (funct5, width funct3 2 = .w / 3 = .d).
    static func amo(_ funct5: UInt32, _ funct3: UInt32, _ rd: Int, _ rs1: Int, _ rs2: Int) -> UInt32 {
        r(funct5 << 2, rs2, rs1, funct3, rd, 0x2f)
    }

    static func csr(_ funct3: UInt32, _ rd: Int, _ csr: UInt16, _ rs1OrUimm: Int) -> UInt32 {
        UInt32(csr) << 20 | UInt32(rs1OrUimm) << 15 | funct3 << 12 | UInt32(rd) << 7 | 0x73
    }
    static func csrrw(_ rd: Int, _ csr: UInt16, _ rs1: Int) -> UInt32 { Encode.csr(1, rd, csr, rs1) }
    static func csrrs(_ rd: Int, _ csr: UInt16, _ rs1: Int) -> UInt32 { Encode.csr(2, rd, csr, rs1) }
    static func csrrc(_ rd: Int, _ csr: UInt16, _ rs1: Int) -> UInt32 { Encode.csr(3, rd, csr, rs1) }
    static func csrrwi(_ rd: Int, _ csr: UInt16, _ uimm: Int) -> UInt32 { Encode.csr(5, rd, csr, uimm) }
    static func csrrsi(_ rd: Int, _ csr: UInt16, _ uimm: Int) -> UInt32 { Encode.csr(6, rd, csr, uimm) }
    static func csrrci(_ rd: Int, _ csr: UInt16, _ uimm: Int) -> UInt32 { Encode.csr(7, rd, csr, uimm) }

    static let ecall: UInt32 = 0x0000_0073
    static let ebreak: UInt32 = 0x0010_0073
    static let mret: UInt32 = 0x3020_0073
    static let sret: UInt32 = 0x1020_0073
    static let wfi: UInt32 = 0x1050_0073
    static let fence: UInt32 = 0x0ff0_000f
    static let fenceI: UInt32 = 0x0000_100f
    static let sfenceVMA: UInt32 = 0x1200_0073
    static let nop: UInt32 = 0x0000_0013

    /// Loads a 64-bit constant into `rd` with lui/addi/slli steps (at most 8 instructions).
    static func li(_ rd: Int, _ value: UInt64) -> [UInt32] {
        let v = Int64(bitPattern: value)
        if v >= -2048 && v < 2048 { return [addi(rd, 0, v)] }
        if v >= Int64(Int32.min) && v <= Int64(Int32.max) {
            let low = (v << 52) >> 52
            let high = UInt32(truncatingIfNeeded: (v - low) >> 12) & 0xfffff
            return [lui(rd, high), addiw(rd, rd, low)]
        }
        let low = (v << 52) >> 52
        var code = li(rd, UInt64(bitPattern: (v - low) >> 12))
        code.append(slli(rd, rd, 12))
        if low != 0 { code.append(addi(rd, rd, low)) }
        return code
    }
}
