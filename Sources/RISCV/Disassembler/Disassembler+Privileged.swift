// Privileged and environment instructions of the SYSTEM opcode (funct3 = 0).
extension Disassembler {
    private static let exactSystemEncodings: [UInt32: String] = [
        0x0000_0073: "ecall",
        0x0010_0073: "ebreak",
        0x1020_0073: "sret",
        0x3020_0073: "mret",
        0x1050_0073: "wfi",
    ]

    /// ecall, ebreak, sret, mret, wfi and sfence.vma; nil for anything else.
    static func privileged(_ word: EncodedWord) -> String? {
        guard word.opcode == 0x73, word.funct3 == 0 else { return nil }
        if let mnemonic = exactSystemEncodings[word.bits] { return mnemonic }
        if word.funct7 == 0x09 && word.rd == 0 {
            return format("sfence.vma", x(word.rs1), x(word.rs2))
        }
        return nil
    }
}
