import RISCV

/// The instruction trace line: `0x0000000000010078 00a50533  add a0, a0, a0`.
public enum InstructionTraceFormat {
    /// pc as 16 hex digits, the bits (8 digits, or 4 and padding for a compressed instruction),
    /// two spaces and the `Disassembler`'s text.
    public static func line(pc: UInt64, bits: UInt32) -> String {
        let compressed = bits & 3 != 3
        let digits = String(compressed ? bits & 0xffff : bits, radix: 16)
        let width = compressed ? 4 : 8
        let shownBits = String(repeating: "0", count: width - digits.count) + digits + (compressed ? "    " : "")
        let pcDigits = String(pc, radix: 16)
        let shownPC = String(repeating: "0", count: max(0, 16 - pcDigits.count)) + pcDigits
        return "0x\(shownPC) \(shownBits)  \(Disassembler.disassemble(bits, pc: pc))"
    }
}
