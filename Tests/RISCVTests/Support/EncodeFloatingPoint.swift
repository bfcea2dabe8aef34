@testable import RISCV

/// Encodings of the F and D extensions for tests. Register arguments are numbers (f or x, as the
/// instruction reads them); `rm` is the 3-bit rounding-mode field (7 = dynamic).
extension Encode {
    static func flw(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { i(imm, rs1, 2, rd, 0x07) }
    static func fld(_ rd: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { i(imm, rs1, 3, rd, 0x07) }
    static func fsw(_ rs2: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { s(imm, rs2, rs1, 2, 0x27) }
    static func fsd(_ rs2: Int, _ rs1: Int, _ imm: Int64) -> UInt32 { s(imm, rs2, rs1, 3, 0x27) }

    /// An OP-FP instruction: funct5, fmt (0 = S, 1 = D), and rs2 (or the conversion selector).
    static func fp(_ funct5: UInt32, _ fmt: UInt32, _ rd: Int, _ rs1: Int, _ rs2: Int, rm: UInt32) -> UInt32 {
        r(funct5 << 2 | fmt, rs2, rs1, rm, rd, 0x53)
    }
    /// A fused multiply-add: opcode 0x43 fmadd, 0x47 fmsub, 0x4b fnmsub, 0x4f fnmadd.
    static func fma(_ opcode: UInt32, _ fmt: UInt32, _ rd: Int, _ rs1: Int, _ rs2: Int, _ rs3: Int, rm: UInt32) -> UInt32 {
        UInt32(rs3) << 27 | fmt << 25 | UInt32(rs2) << 20 | UInt32(rs1) << 15 | rm << 12 | UInt32(rd) << 7 | opcode
    }

    enum FP {
        static let add: UInt32 = 0x00, sub: UInt32 = 0x01, mul: UInt32 = 0x02, div: UInt32 = 0x03
        static let sqrt: UInt32 = 0x0b, sgnj: UInt32 = 0x04, minMax: UInt32 = 0x05, convertFormat: UInt32 = 0x08
        static let compare: UInt32 = 0x14, toInteger: UInt32 = 0x18, fromInteger: UInt32 = 0x1a
        static let moveToInteger: UInt32 = 0x1c, moveFromInteger: UInt32 = 0x1e
    }

    /// c.fld rd', offset(rs1') (registers 8...15, offset a multiple of 8 below 256).
    static func cFld(_ rd: Int, _ rs1: Int, _ offset: UInt16) -> UInt16 {
        0x2000 | (offset >> 3 & 7) << 10 | (offset >> 6 & 3) << 5 | UInt16(rs1 - 8) << 7 | UInt16(rd - 8) << 2
    }
    /// c.fsd rs2', offset(rs1').
    static func cFsd(_ rs2: Int, _ rs1: Int, _ offset: UInt16) -> UInt16 {
        0xa000 | (offset >> 3 & 7) << 10 | (offset >> 6 & 3) << 5 | UInt16(rs1 - 8) << 7 | UInt16(rs2 - 8) << 2
    }
    /// c.fldsp rd, offset(sp) (offset a multiple of 8 below 512).
    static func cFldsp(_ rd: Int, _ offset: UInt16) -> UInt16 {
        0x2002 | (offset >> 5 & 1) << 12 | UInt16(rd) << 7 | (offset >> 3 & 3) << 5 | (offset >> 6 & 7) << 2
    }
    /// c.fsdsp rs2, offset(sp).
    static func cFsdsp(_ rs2: Int, _ offset: UInt16) -> UInt16 {
        0xa002 | (offset >> 3 & 7) << 10 | (offset >> 6 & 7) << 7 | UInt16(rs2) << 2
    }
}
