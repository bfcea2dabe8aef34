// Zba, Zbb, Zbs, Zbc and Zicond, printed from the same table the decoder reads.
extension Disassembler {
    /// One of `BitManipulation.encodings`; nil for anything else. Shift amounts in hex, as for `slli`.
    static func bitManipulation(_ word: EncodedWord) -> String? {
        guard let e = BitManipulation.encoding(of: word.bits) else { return nil }
        switch e.form {
        case .register: return format(e.mnemonic, x(word.rd), x(word.rs1), x(word.rs2))
        case .unary: return format(e.mnemonic, x(word.rd), x(word.rs1))
        case .shift: return format(e.mnemonic, x(word.rd), x(word.rs1), "0x" + hex(UInt64((word.bits >> 20) & 0x3f)))
        case .shiftWord: return format(e.mnemonic, x(word.rd), x(word.rs1), "0x" + hex(UInt64(word.rs2)))
        }
    }
}
