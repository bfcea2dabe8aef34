/// RV64I, the base integer ISA: encodings.
///
/// Behaviour lives in the execute loop (`Hart+ExecuteLoop.swift`), where each case is one line of
/// Swift: register-register and immediate ALU ops, branches, jumps and loads/stores through the TLB.
/// Shifts use the low 6 bits of the amount (5 for the W forms); W forms sign-extend their 32-bit
/// result; `jalr` clears bit 0 of the target; loads sign- or zero-extend per their funct3.
enum RV64I {
    static func decode(_ bits: UInt32) -> DecodedInstruction {
        let rd = bits.rd, rs1 = bits.rs1, rs2 = bits.rs2, f3 = bits.funct3, f7 = bits.funct7
        func make(_ op: Opcode, _ imm: UInt64) -> DecodedInstruction {
            DecodedInstruction(op: op, rd: rd, rs1: rs1, rs2: rs2, bits: bits, imm: imm)
        }
        switch bits & 0x7f {
        case 0x37: return make(.lui, bits.immU)
        case 0x17: return make(.auipc, bits.immU)
        case 0x6f: return make(.jal, bits.immJ)
        case 0x67: return f3 == 0 ? make(.jalr, bits.immI) : .illegal(bits)
        case 0x63:
            let ops: [Opcode?] = [.beq, .bne, nil, nil, .blt, .bge, .bltu, .bgeu]
            guard let op = ops[Int(f3)] else { return .illegal(bits) }
            return make(op, bits.immB)
        case 0x03:
            let ops: [Opcode?] = [.lb, .lh, .lw, .ld, .lbu, .lhu, .lwu, nil]
            guard let op = ops[Int(f3)] else { return .illegal(bits) }
            return make(op, bits.immI)
        case 0x23:
            let ops: [Opcode?] = [.sb, .sh, .sw, .sd, nil, nil, nil, nil]
            guard let op = ops[Int(f3)] else { return .illegal(bits) }
            return make(op, bits.immS)
        case 0x13:
            let shamt = UInt64((bits >> 20) & 0x3f)
            switch f3 {
            case 0: return make(.addi, bits.immI)
            case 2: return make(.slti, bits.immI)
            case 3: return make(.sltiu, bits.immI)
            case 4: return make(.xori, bits.immI)
            case 6: return make(.ori, bits.immI)
            case 7: return make(.andi, bits.immI)
            case 1: return bits >> 26 == 0 ? make(.slli, shamt) : .illegal(bits)
            default:
                switch bits >> 26 {
                case 0x00: return make(.srli, shamt)
                case 0x10: return make(.srai, shamt)
                default: return .illegal(bits)
                }
            }
        case 0x1b:
            let shamt = UInt64(rs2)
            switch (f3, f7) {
            case (0, _): return make(.addiw, bits.immI)
            case (1, 0x00): return make(.slliw, shamt)
            case (5, 0x00): return make(.srliw, shamt)
            case (5, 0x20): return make(.sraiw, shamt)
            default: return .illegal(bits)
            }
        case 0x33:
            switch (f3, f7) {
            case (0, 0x00): return make(.add, 0)
            case (0, 0x20): return make(.sub, 0)
            case (1, 0x00): return make(.sll, 0)
            case (2, 0x00): return make(.slt, 0)
            case (3, 0x00): return make(.sltu, 0)
            case (4, 0x00): return make(.xor, 0)
            case (5, 0x00): return make(.srl, 0)
            case (5, 0x20): return make(.sra, 0)
            case (6, 0x00): return make(.or, 0)
            case (7, 0x00): return make(.and, 0)
            default: return .illegal(bits)
            }
        case 0x3b:
            switch (f3, f7) {
            case (0, 0x00): return make(.addw, 0)
            case (0, 0x20): return make(.subw, 0)
            case (1, 0x00): return make(.sllw, 0)
            case (5, 0x00): return make(.srlw, 0)
            case (5, 0x20): return make(.sraw, 0)
            default: return .illegal(bits)
            }
        default:
            return .illegal(bits)
        }
    }
}

/// FENCE (RV64I) and FENCE.I (Zifencei), the MISC-MEM major opcode.
///
/// FENCE orders nothing on this single in-order hart and is a no-op (its reserved fields are
/// ignored, as the spec asks). FENCE.I drops every predecoded instruction, so code written by
/// stores before it is decoded afresh (`Hart.invalidateDecodedCode()`).
enum Fences {
    static func decode(_ bits: UInt32) -> DecodedInstruction {
        switch bits.funct3 {
        case 0: return DecodedInstruction(op: .fence, rd: 0, rs1: 0, rs2: 0, bits: bits, imm: 0)
        case 1: return DecodedInstruction(op: .fenceI, rd: 0, rs1: 0, rs2: 0, bits: bits, imm: 0)
        default: return .illegal(bits)
        }
    }
}
