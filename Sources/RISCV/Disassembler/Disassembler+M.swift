// The M extension: integer multiplication and division.
extension Disassembler {
    private static let multiplyMnemonics = ["mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"]
    private static let multiplyWordMnemonics: [UInt32: String] = [
        0: "mulw", 4: "divw", 5: "divuw", 6: "remw", 7: "remuw",
    ]

    /// The M extension's OP and OP-32 instructions (funct7 = 1); nil for anything else.
    static func multiply(_ word: EncodedWord) -> String? {
        guard word.funct7 == 1 else { return nil }
        let mnemonic: String
        switch word.opcode {
        case 0x33: mnemonic = multiplyMnemonics[Int(word.funct3)]
        case 0x3b:
            guard let name = multiplyWordMnemonics[word.funct3] else { return nil }
            mnemonic = name
        default: return nil
        }
        return format(mnemonic, x(word.rd), x(word.rs1), x(word.rs2))
    }
}
