// The C extension (RV64C, with the D extension's c.fld/c.fsd/c.fldsp/c.fsdsp).
extension Disassembler {
    /// A 16-bit instruction printed with its `c.` mnemonic; nil for a reserved encoding.
    static func compressed(_ half: UInt16, pc: UInt64) -> String? {
        let c = EncodedHalf(half)
        switch c.bits & 3 {
        case 0: return quadrant0(c)
        case 1: return quadrant1(c, pc: pc)
        default: return quadrant2(c)
        }
    }

    private static func quadrant0(_ c: EncodedHalf) -> String? {
        let rd = x(c.rdPrime), rs1 = x(c.rs1Prime)
        switch c.funct3 {
        case 0:
            guard c.addi4spnImmediate != 0 else { return nil }
            return format("c.addi4spn", rd, "sp", "\(c.addi4spnImmediate)")
        case 1: return format("c.fld", f(c.rdPrime), memory(c.doublewordOffset, rs1))
        case 2: return format("c.lw", rd, memory(c.wordOffset, rs1))
        case 3: return format("c.ld", rd, memory(c.doublewordOffset, rs1))
        case 5: return format("c.fsd", f(c.rdPrime), memory(c.doublewordOffset, rs1))
        case 6: return format("c.sw", rd, memory(c.wordOffset, rs1))
        case 7: return format("c.sd", rd, memory(c.doublewordOffset, rs1))
        default: return nil
        }
    }

    private static func quadrant1(_ c: EncodedHalf, pc: UInt64) -> String? {
        switch c.funct3 {
        case 0:
            if c.bits == 0x0001 { return "c.nop" }
            return format("c.addi", x(c.rd), "\(c.immediate6)")
        case 1:
            guard c.rd != 0 else { return nil }
            return format("c.addiw", x(c.rd), "\(c.immediate6)")
        case 2: return format("c.li", x(c.rd), "\(c.immediate6)")
        case 3 where c.rd == 2:
            guard c.addi16spImmediate != 0 else { return nil }
            return format("c.addi16sp", "sp", "\(c.addi16spImmediate)")
        case 3:
            guard c.immediate6 != 0 else { return nil }
            return format("c.lui", x(c.rd), "0x" + hex(UInt64(bitPattern: c.immediate6) & 0xfffff))
        case 4: return arithmetic(c)
        case 5: return format("c.j", target(pc, c.jumpOffset))
        case 6: return format("c.beqz", x(c.rs1Prime), target(pc, c.branchOffset))
        default: return format("c.bnez", x(c.rs1Prime), target(pc, c.branchOffset))
        }
    }

    /// Quadrant 1, funct3 = 100: shifts, c.andi and the register-register operations.
    private static func arithmetic(_ c: EncodedHalf) -> String? {
        let rd = x(c.rs1Prime)
        switch (c.bits >> 10) & 3 {
        case 0: return format("c.srli", rd, "0x" + hex(UInt64(c.shiftAmount)))
        case 1: return format("c.srai", rd, "0x" + hex(UInt64(c.shiftAmount)))
        case 2: return format("c.andi", rd, "\(c.immediate6)")
        default:
            let operation = (c.bits >> 5) & 3
            let names = (c.bits >> 12) & 1 == 0
                ? ["c.sub", "c.xor", "c.or", "c.and"] : ["c.subw", "c.addw"]
            guard Int(operation) < names.count else { return nil }
            return format(names[Int(operation)], rd, x(c.rs2Prime))
        }
    }

    private static func quadrant2(_ c: EncodedHalf) -> String? {
        switch c.funct3 {
        case 0: return format("c.slli", x(c.rd), "0x" + hex(UInt64(c.shiftAmount)))
        case 1: return format("c.fldsp", f(c.rd), memory(c.doublewordStackLoadOffset, "sp"))
        case 2:
            guard c.rd != 0 else { return nil }
            return format("c.lwsp", x(c.rd), memory(c.wordStackLoadOffset, "sp"))
        case 3:
            guard c.rd != 0 else { return nil }
            return format("c.ldsp", x(c.rd), memory(c.doublewordStackLoadOffset, "sp"))
        case 4: return jumpOrMove(c)
        case 5: return format("c.fsdsp", f(c.rs2), memory(c.doublewordStackStoreOffset, "sp"))
        case 6: return format("c.swsp", x(c.rs2), memory(c.wordStackStoreOffset, "sp"))
        default: return format("c.sdsp", x(c.rs2), memory(c.doublewordStackStoreOffset, "sp"))
        }
    }

    /// Quadrant 2, funct3 = 100: c.jr, c.mv, c.ebreak, c.jalr and c.add.
    private static func jumpOrMove(_ c: EncodedHalf) -> String? {
        let link = (c.bits >> 12) & 1 == 1
        switch (link, c.rd, c.rs2) {
        case (false, 0, 0): return nil
        case (false, _, 0): return format("c.jr", x(c.rd))
        case (false, _, _): return format("c.mv", x(c.rd), x(c.rs2))
        case (true, 0, 0): return "c.ebreak"
        case (true, _, 0): return format("c.jalr", x(c.rd))
        case (true, _, _): return format("c.add", x(c.rd), x(c.rs2))
        }
    }
}

/// The fields of a 16-bit instruction, with its scrambled immediates put back in order.
struct EncodedHalf {
    let bits: UInt32
    init(_ half: UInt16) { bits = UInt32(half) }

    private func bit(_ index: UInt32) -> UInt32 { (bits >> index) & 1 }
    private func field(_ low: UInt32, _ count: UInt32) -> UInt32 { (bits >> low) & ((1 << count) - 1) }

    var funct3: UInt32 { bits >> 13 }
    /// Full 5-bit rd/rs1 at bits 11:7.
    var rd: UInt32 { field(7, 5) }
    /// Full 5-bit rs2 at bits 6:2.
    var rs2: UInt32 { field(2, 5) }
    /// x8..x15 register at bits 4:2.
    var rdPrime: UInt32 { 8 + field(2, 3) }
    var rs2Prime: UInt32 { 8 + field(2, 3) }
    /// x8..x15 register at bits 9:7.
    var rs1Prime: UInt32 { 8 + field(7, 3) }

    /// imm[5] = bit 12, imm[4:0] = bits 6:2, sign-extended (c.addi, c.li, c.andi; c.lui before scaling).
    var immediate6: Int64 {
        let raw = Int64(bit(12) << 5 | field(2, 5))
        return raw >= 32 ? raw - 64 : raw
    }
    /// shamt[5] = bit 12, shamt[4:0] = bits 6:2.
    var shiftAmount: UInt32 { bit(12) << 5 | field(2, 5) }

    /// c.addi4spn: nzuimm[5:4|9:6|2|3] = bits 12:11|10:7|6|5.
    var addi4spnImmediate: UInt32 {
        field(11, 2) << 4 | field(7, 4) << 6 | bit(6) << 2 | bit(5) << 3
    }
    /// c.addi16sp: nzimm[9|4|6|8:7|5] = bits 12|6|5|4:3|2, sign-extended.
    var addi16spImmediate: Int64 {
        let raw = Int64(bit(12) << 9 | bit(6) << 4 | bit(5) << 6 | field(3, 2) << 7 | bit(2) << 5)
        return raw >= 512 ? raw - 1024 : raw
    }
    /// c.lw/c.sw: uimm[5:3] = bits 12:10, uimm[2] = bit 6, uimm[6] = bit 5.
    var wordOffset: Int64 { Int64(field(10, 3) << 3 | bit(6) << 2 | bit(5) << 6) }
    /// c.ld/c.sd/c.fld/c.fsd: uimm[5:3] = bits 12:10, uimm[7:6] = bits 6:5.
    var doublewordOffset: Int64 { Int64(field(10, 3) << 3 | field(5, 2) << 6) }
    /// c.lwsp: uimm[5] = bit 12, uimm[4:2] = bits 6:4, uimm[7:6] = bits 3:2.
    var wordStackLoadOffset: Int64 { Int64(bit(12) << 5 | field(4, 3) << 2 | field(2, 2) << 6) }
    /// c.ldsp/c.fldsp: uimm[5] = bit 12, uimm[4:3] = bits 6:5, uimm[8:6] = bits 4:2.
    var doublewordStackLoadOffset: Int64 { Int64(bit(12) << 5 | field(5, 2) << 3 | field(2, 3) << 6) }
    /// c.swsp: uimm[5:2] = bits 12:9, uimm[7:6] = bits 8:7.
    var wordStackStoreOffset: Int64 { Int64(field(9, 4) << 2 | field(7, 2) << 6) }
    /// c.sdsp/c.fsdsp: uimm[5:3] = bits 12:10, uimm[8:6] = bits 9:7.
    var doublewordStackStoreOffset: Int64 { Int64(field(10, 3) << 3 | field(7, 3) << 6) }

    /// c.j: offset[11|4|9:8|10|6|7|3:1|5] = bits 12|11|10:9|8|7|6|5:3|2, sign-extended.
    var jumpOffset: Int64 {
        let raw = bit(12) << 11 | bit(11) << 4 | field(9, 2) << 8 | bit(8) << 10 | bit(7) << 6
            | bit(6) << 7 | field(3, 3) << 1 | bit(2) << 5
        return raw >= 2048 ? Int64(raw) - 4096 : Int64(raw)
    }
    /// c.beqz/c.bnez: offset[8|4:3] = bits 12|11:10, offset[7:6|2:1|5] = bits 6:5|4:3|2, sign-extended.
    var branchOffset: Int64 {
        let raw = bit(12) << 8 | field(10, 2) << 3 | field(5, 2) << 6 | field(3, 2) << 1 | bit(2) << 5
        return raw >= 256 ? Int64(raw) - 512 : Int64(raw)
    }
}
