/// Turns instruction bits into text, in the style of `objdump -d -M no-aliases`, for
/// `--trace instructions` and for diagnostics.
///
/// The output conventions (the test table in Tests/RISCVTests/Disassembler is their specification):
/// - mnemonics without aliases: `addi a0, zero, 5`, never `li a0, 5`; compressed instructions keep
///   their `c.` mnemonic (`c.addi sp, -16`), as `objdump -M no-aliases` prints them;
/// - ABI register names (`zero`, `ra`, `sp`, ..., `ft0`, ..., `fa0`, ...), operands separated by `", "`;
/// - branch and jump targets are absolute addresses computed from `pc` (`beq a0, a1, 0x80000010`);
/// - `lui`/`auipc`/`c.lui` immediates and shift amounts in hex, other immediates in signed decimal;
/// - known CSRs by name (`csrrw zero, mtvec, t0`), others as hex (`csrrs a0, 0x7c0, zero`);
/// - a floating-point rounding mode is printed only when it is not `dyn`, and never for the exact
///   conversions `fcvt.d.w`, `fcvt.d.wu` and `fcvt.d.s`;
/// - a fence with an empty predecessor or successor set prints that set as `0`;
/// - reserved encodings (including reserved rounding modes and the all-zero halfword) print as
///   `unknown 0x` followed by the bits: 8 hex digits, or 4 for a compressed instruction.
public enum Disassembler {
    /// Disassembles one instruction.
    /// - Parameters:
    ///   - bits: the instruction; when `bits & 3 != 3` it is compressed and only the low 16 bits count.
    ///   - pc: the instruction's address, used for branch and jump targets.
    /// - Returns: the text; never fails (unknown encodings give `unknown 0x...`).
    public static func disassemble(_ bits: UInt32, pc: UInt64) -> String {
        if bits & 3 != 3 {
            let half = UInt16(truncatingIfNeeded: bits)
            return compressed(half, pc: pc) ?? "unknown 0x" + hex(UInt64(half), digits: 4)
        }
        let word = EncodedWord(bits)
        return baseInteger(word, pc: pc)
            ?? multiply(word)
            ?? bitManipulation(word)
            ?? atomic(word)
            ?? controlAndStatusRegister(word)
            ?? privileged(word)
            ?? floatingPoint(word)
            ?? "unknown 0x" + hex(UInt64(bits), digits: 8)
    }

    /// ABI names of x0...x31.
    static let integerRegisterNames = [
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
        "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
    ]

    /// ABI names of f0...f31.
    static let floatRegisterNames = [
        "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7", "fs0", "fs1", "fa0", "fa1", "fa2", "fa3",
        "fa4", "fa5", "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7", "fs8", "fs9", "fs10", "fs11",
        "ft8", "ft9", "ft10", "ft11",
    ]

    static func x(_ index: UInt32) -> String { integerRegisterNames[Int(index & 31)] }
    static func f(_ index: UInt32) -> String { floatRegisterNames[Int(index & 31)] }

    /// `mnemonic op1, op2, ...`
    static func format(_ mnemonic: String, _ operands: String...) -> String {
        operands.isEmpty ? mnemonic : mnemonic + " " + operands.joined(separator: ", ")
    }

    /// `offset(base)`, as in `ld ra, 8(sp)`.
    static func memory(_ offset: Int64, _ base: String) -> String { "\(offset)(\(base))" }

    /// `0x` and lowercase hex digits, at least `digits` of them.
    static func hex(_ value: UInt64, digits: Int = 1) -> String {
        let text = String(value, radix: 16)
        return text.count >= digits ? text : String(repeating: "0", count: digits - text.count) + text
    }

    /// The absolute target `pc + offset`, as `0x...`.
    static func target(_ pc: UInt64, _ offset: Int64) -> String {
        "0x" + hex(pc &+ UInt64(bitPattern: offset))
    }
}

/// The fields of a 32-bit instruction, decoded on demand.
struct EncodedWord {
    let bits: UInt32
    init(_ bits: UInt32) { self.bits = bits }

    var opcode: UInt32 { bits & 0x7f }
    var rd: UInt32 { (bits >> 7) & 31 }
    var funct3: UInt32 { (bits >> 12) & 7 }
    var rs1: UInt32 { (bits >> 15) & 31 }
    var rs2: UInt32 { (bits >> 20) & 31 }
    var rs3: UInt32 { bits >> 27 }
    var funct7: UInt32 { bits >> 25 }

    /// I-type immediate, sign-extended.
    var immediateI: Int64 { Int64(Int32(bitPattern: bits) >> 20) }
    /// S-type immediate, sign-extended.
    var immediateS: Int64 {
        Int64((Int32(bitPattern: bits) >> 20) & ~31 | Int32((bits >> 7) & 31))
    }
    /// B-type immediate, sign-extended.
    var immediateB: Int64 {
        let sign = Int64(Int32(bitPattern: bits) >> 31) << 12
        return sign | Int64((bits >> 7) & 1) << 11 | Int64((bits >> 25) & 0x3f) << 5
            | Int64((bits >> 8) & 0xf) << 1
    }
    /// U-type immediate: the 20 bits as written in `lui rd, imm20`.
    var immediateU20: UInt32 { bits >> 12 }
    /// J-type immediate, sign-extended.
    var immediateJ: Int64 {
        let sign = Int64(Int32(bitPattern: bits) >> 31) << 20
        return sign | Int64((bits >> 12) & 0xff) << 12 | Int64((bits >> 20) & 1) << 11
            | Int64((bits >> 21) & 0x3ff) << 1
    }
}
