// RV64I base integer instructions and Zifencei: encoding and mnemonic side by side.
extension Disassembler {
    /// RV64I and `fence.i`; nil when `word` is none of them.
    static func baseInteger(_ word: EncodedWord, pc: UInt64) -> String? {
        switch word.opcode {
        case 0x37: return format("lui", x(word.rd), "0x" + hex(UInt64(word.immediateU20)))
        case 0x17: return format("auipc", x(word.rd), "0x" + hex(UInt64(word.immediateU20)))
        case 0x6f: return format("jal", x(word.rd), target(pc, word.immediateJ))
        case 0x67 where word.funct3 == 0:
            return format("jalr", x(word.rd), memory(word.immediateI, x(word.rs1)))
        case 0x63: return branch(word, pc: pc)
        case 0x03: return load(word)
        case 0x23: return store(word)
        case 0x13: return immediateOperation(word)
        case 0x1b: return immediateWordOperation(word)
        case 0x33 where word.funct7 == 0x00 || word.funct7 == 0x20: return registerOperation(word)
        case 0x3b where word.funct7 == 0x00 || word.funct7 == 0x20: return registerWordOperation(word)
        case 0x0f: return fence(word)
        default: return nil
        }
    }

    private static let branchMnemonics: [UInt32: String] = [
        0: "beq", 1: "bne", 4: "blt", 5: "bge", 6: "bltu", 7: "bgeu",
    ]

    private static func branch(_ word: EncodedWord, pc: UInt64) -> String? {
        guard let mnemonic = branchMnemonics[word.funct3] else { return nil }
        return format(mnemonic, x(word.rs1), x(word.rs2), target(pc, word.immediateB))
    }

    private static let loadMnemonics = ["lb", "lh", "lw", "ld", "lbu", "lhu", "lwu"]

    private static func load(_ word: EncodedWord) -> String? {
        guard word.funct3 < 7 else { return nil }
        return format(loadMnemonics[Int(word.funct3)], x(word.rd), memory(word.immediateI, x(word.rs1)))
    }

    private static let storeMnemonics = ["sb", "sh", "sw", "sd"]

    private static func store(_ word: EncodedWord) -> String? {
        guard word.funct3 < 4 else { return nil }
        return format(storeMnemonics[Int(word.funct3)], x(word.rs2), memory(word.immediateS, x(word.rs1)))
    }

    private static func immediateOperation(_ word: EncodedWord) -> String? {
        let shamt = "0x" + hex(UInt64((word.bits >> 20) & 0x3f))
        let funct6 = word.bits >> 26
        let mnemonic: String
        switch word.funct3 {
        case 0: mnemonic = "addi"
        case 2: mnemonic = "slti"
        case 3: mnemonic = "sltiu"
        case 4: mnemonic = "xori"
        case 6: mnemonic = "ori"
        case 7: mnemonic = "andi"
        case 1 where funct6 == 0: return format("slli", x(word.rd), x(word.rs1), shamt)
        case 5 where funct6 == 0: return format("srli", x(word.rd), x(word.rs1), shamt)
        case 5 where funct6 == 0x10: return format("srai", x(word.rd), x(word.rs1), shamt)
        default: return nil
        }
        return format(mnemonic, x(word.rd), x(word.rs1), "\(word.immediateI)")
    }

    private static func immediateWordOperation(_ word: EncodedWord) -> String? {
        let shamt = "0x" + hex(UInt64(word.rs2))
        switch (word.funct3, word.funct7) {
        case (0, _): return format("addiw", x(word.rd), x(word.rs1), "\(word.immediateI)")
        case (1, 0x00): return format("slliw", x(word.rd), x(word.rs1), shamt)
        case (5, 0x00): return format("srliw", x(word.rd), x(word.rs1), shamt)
        case (5, 0x20): return format("sraiw", x(word.rd), x(word.rs1), shamt)
        default: return nil
        }
    }

    private static let registerMnemonics = ["add", "sll", "slt", "sltu", "xor", "srl", "or", "and"]

    private static func registerOperation(_ word: EncodedWord) -> String? {
        let mnemonic: String
        switch (word.funct7, word.funct3) {
        case (0x00, let funct3): mnemonic = registerMnemonics[Int(funct3)]
        case (0x20, 0): mnemonic = "sub"
        case (0x20, 5): mnemonic = "sra"
        default: return nil
        }
        return format(mnemonic, x(word.rd), x(word.rs1), x(word.rs2))
    }

    private static func registerWordOperation(_ word: EncodedWord) -> String? {
        let mnemonic: String
        switch (word.funct7, word.funct3) {
        case (0x00, 0): mnemonic = "addw"
        case (0x00, 1): mnemonic = "sllw"
        case (0x00, 5): mnemonic = "srlw"
        case (0x20, 0): mnemonic = "subw"
        case (0x20, 5): mnemonic = "sraw"
        default: return nil
        }
        return format(mnemonic, x(word.rd), x(word.rs1), x(word.rs2))
    }

    /// `fence pred, succ`, `fence.tso` and Zifencei's `fence.i`.
    private static func fence(_ word: EncodedWord) -> String? {
        switch word.funct3 {
        case 0:
            let predecessor = (word.bits >> 24) & 0xf
            let successor = (word.bits >> 20) & 0xf
            if word.bits >> 28 == 8 && predecessor == 3 && successor == 3 { return "fence.tso" }
            return format("fence", fenceSet(predecessor), fenceSet(successor))
        case 1: return "fence.i"
        default: return nil
        }
    }

    /// The letters of a fence set in `iorw` order, or `0` when it is empty.
    private static func fenceSet(_ set: UInt32) -> String {
        let letters = zip("iorw", [8, 4, 2, 1] as [UInt32]).filter { set & $0.1 != 0 }.map { String($0.0) }
        return letters.isEmpty ? "0" : letters.joined()
    }
}
