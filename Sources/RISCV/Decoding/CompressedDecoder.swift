/// RV64C: expands every 16-bit encoding to the base instruction it stands for.
///
/// The result keeps the 16-bit parcel in `bits` (so its length is 2 and tval shows the parcel).
/// Reserved encodings are illegal: the all-zero parcel and c.addi4spn with imm 0, c.addiw/c.lwsp/
/// c.ldsp with rd 0, c.addi16sp/c.lui with imm 0, c.jr with rs1 0, quadrant 0 funct3 100 and the
/// reserved c.subw/c.addw neighbours. HINT encodings (c.nop with imm, c.li/c.lui/c.mv/c.add/
/// c.slli with rd 0, shifts by 0) are legal and execute as the base instruction, which writes x0
/// harmlessly. The floating-point loads and stores (c.fld, c.fsd, c.fldsp, c.fsdsp) go to
/// `RV64FD.decodeCompressed`.
enum CompressedDecoder {
    static func decode(_ parcel: UInt16) -> DecodedInstruction {
        let c = UInt32(parcel)
        @inline(__always) func bit(_ i: UInt32) -> UInt32 { (c >> i) & 1 }
        @inline(__always) func field(_ hi: UInt32, _ lo: UInt32) -> UInt32 { (c >> lo) & ((1 << (hi - lo + 1)) - 1) }
        func sext(_ v: UInt32, bits n: UInt32) -> UInt64 {
            UInt64(bitPattern: Int64(Int32(bitPattern: v << (32 - n)) >> (32 - n)))
        }
        func make(_ op: Opcode, rd: UInt32, rs1: UInt32, rs2: UInt32 = 0, imm: UInt64 = 0) -> DecodedInstruction {
            DecodedInstruction(op: op, rd: rd, rs1: rs1, rs2: rs2, bits: c, imm: imm)
        }
        let illegal = DecodedInstruction.illegal(c)
        let funct3 = field(15, 13)
        let rdFull = field(11, 7), rs2Full = field(6, 2)
        let rdPrime = field(4, 2) + 8, rs1Prime = field(9, 7) + 8
        let imm6 = sext(bit(12) << 5 | field(6, 2), bits: 6)

        switch (c & 3, funct3) {
        // Quadrant 0
        case (0, 0):
            let imm = field(12, 11) << 4 | field(10, 7) << 6 | bit(6) << 2 | bit(5) << 3
            return imm == 0 ? illegal : make(.addi, rd: rdPrime, rs1: 2, imm: UInt64(imm))
        case (0, 2):
            let imm = field(12, 10) << 3 | bit(6) << 2 | bit(5) << 6
            return make(.lw, rd: rdPrime, rs1: rs1Prime, imm: UInt64(imm))
        case (0, 3):
            let imm = field(12, 10) << 3 | field(6, 5) << 6
            return make(.ld, rd: rdPrime, rs1: rs1Prime, imm: UInt64(imm))
        case (0, 6):
            let imm = field(12, 10) << 3 | bit(6) << 2 | bit(5) << 6
            return make(.sw, rd: 0, rs1: rs1Prime, rs2: rdPrime, imm: UInt64(imm))
        case (0, 7):
            let imm = field(12, 10) << 3 | field(6, 5) << 6
            return make(.sd, rd: 0, rs1: rs1Prime, rs2: rdPrime, imm: UInt64(imm))
        case (0, 1), (0, 5):
            return RV64FD.decodeCompressed(parcel)
        case (0, _):
            return illegal

        // Quadrant 1
        case (1, 0):
            return make(.addi, rd: rdFull, rs1: rdFull, imm: imm6)
        case (1, 1):
            return rdFull == 0 ? illegal : make(.addiw, rd: rdFull, rs1: rdFull, imm: imm6)
        case (1, 2):
            return make(.addi, rd: rdFull, rs1: 0, imm: imm6)
        case (1, 3):
            if rdFull == 2 {
                let raw = bit(12) << 9 | bit(6) << 4 | bit(5) << 6 | field(4, 3) << 7 | bit(2) << 5
                return raw == 0 ? illegal : make(.addi, rd: 2, rs1: 2, imm: sext(raw, bits: 10))
            }
            let raw = bit(12) << 17 | field(6, 2) << 12
            return raw == 0 ? illegal : make(.lui, rd: rdFull, rs1: 0, imm: sext(raw, bits: 18))
        case (1, 4):
            let shamt = UInt64(bit(12) << 5 | field(6, 2))
            switch field(11, 10) {
            case 0: return make(.srli, rd: rs1Prime, rs1: rs1Prime, imm: shamt)
            case 1: return make(.srai, rd: rs1Prime, rs1: rs1Prime, imm: shamt)
            case 2: return make(.andi, rd: rs1Prime, rs1: rs1Prime, imm: imm6)
            default:
                let ops: [Opcode?] = bit(12) == 0 ? [.sub, .xor, .or, .and] : [.subw, .addw, nil, nil]
                guard let op = ops[Int(field(6, 5))] else { return illegal }
                return make(op, rd: rs1Prime, rs1: rs1Prime, rs2: rdPrime)
            }
        case (1, 5):
            let raw = bit(12) << 11 | bit(11) << 4 | field(10, 9) << 8 | bit(8) << 10
                | bit(7) << 6 | bit(6) << 7 | field(5, 3) << 1 | bit(2) << 5
            return make(.jal, rd: 0, rs1: 0, imm: sext(raw, bits: 12))
        case (1, 6), (1, 7):
            let raw = bit(12) << 8 | field(11, 10) << 3 | field(6, 5) << 6 | field(4, 3) << 1 | bit(2) << 5
            return make(funct3 == 6 ? .beq : .bne, rd: 0, rs1: rs1Prime, rs2: 0, imm: sext(raw, bits: 9))

        // Quadrant 2
        case (2, 0):
            return make(.slli, rd: rdFull, rs1: rdFull, imm: UInt64(bit(12) << 5 | field(6, 2)))
        case (2, 2):
            let imm = bit(12) << 5 | field(6, 4) << 2 | field(3, 2) << 6
            return rdFull == 0 ? illegal : make(.lw, rd: rdFull, rs1: 2, imm: UInt64(imm))
        case (2, 3):
            let imm = bit(12) << 5 | field(6, 5) << 3 | field(4, 2) << 6
            return rdFull == 0 ? illegal : make(.ld, rd: rdFull, rs1: 2, imm: UInt64(imm))
        case (2, 4):
            if bit(12) == 0 {
                if rs2Full == 0 { return rdFull == 0 ? illegal : make(.jalr, rd: 0, rs1: rdFull) }
                return make(.add, rd: rdFull, rs1: 0, rs2: rs2Full)
            }
            if rs2Full == 0 {
                if rdFull == 0 { return make(.ebreak, rd: 0, rs1: 0) }
                return make(.jalr, rd: 1, rs1: rdFull)
            }
            return make(.add, rd: rdFull, rs1: rdFull, rs2: rs2Full)
        case (2, 6):
            let imm = field(12, 9) << 2 | field(8, 7) << 6
            return make(.sw, rd: 0, rs1: 2, rs2: rs2Full, imm: UInt64(imm))
        case (2, 7):
            let imm = field(12, 10) << 3 | field(9, 7) << 6
            return make(.sd, rd: 0, rs1: 2, rs2: rs2Full, imm: UInt64(imm))
        case (2, 1), (2, 5):
            return RV64FD.decodeCompressed(parcel)
        default:
            return illegal
        }
    }
}
