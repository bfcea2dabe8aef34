// The A extension: load-reserved/store-conditional and atomic memory operations.
extension Disassembler {
    private static let atomicMnemonics: [UInt32: String] = [
        0x00: "amoadd", 0x01: "amoswap", 0x02: "lr", 0x03: "sc", 0x04: "amoxor", 0x08: "amoor",
        0x0c: "amoand", 0x10: "amomin", 0x14: "amomax", 0x18: "amominu", 0x1c: "amomaxu",
    ]

    /// `lr`, `sc` and the AMOs in `.w` and `.d`, with `.aq`, `.rl` or `.aqrl`; nil for anything else.
    static func atomic(_ word: EncodedWord) -> String? {
        guard word.opcode == 0x2f, word.funct3 == 2 || word.funct3 == 3,
              let operation = atomicMnemonics[word.bits >> 27] else { return nil }
        let width = word.funct3 == 2 ? ".w" : ".d"
        let ordering = ["", ".rl", ".aq", ".aqrl"][Int((word.bits >> 25) & 3)]
        let mnemonic = operation + width + ordering
        let address = "(\(x(word.rs1)))"
        if operation == "lr" {
            guard word.rs2 == 0 else { return nil }
            return format(mnemonic, x(word.rd), address)
        }
        return format(mnemonic, x(word.rd), x(word.rs2), address)
    }
}
