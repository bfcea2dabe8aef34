/// Zba, Zbb, Zbs, Zbc (bit manipulation) and Zicond (conditional zero): encodings.
///
/// Every instruction of these extensions lives in the OP, OP-32, OP-IMM and OP-IMM-32 major
/// opcodes, in encodings RV64I and RV64M leave reserved. `encodings` is the one list of them: the
/// decoder and the disassembler both read it, so they cannot disagree on what is legal. Behaviour
/// is in `BitManipulation+Operations.swift`, executed on the loop's straight line like RV64I.
enum BitManipulation {
    /// How an instruction's operands are laid out (and printed).
    enum Form {
        /// `op rd, rs1, rs2`
        case register
        /// `op rd, rs1` (rs2 is part of the encoding)
        case unary
        /// `op rd, rs1, shamt` with a 6-bit shift amount in imm[5:0]
        case shift
        /// `op rd, rs1, shamt` with a 5-bit shift amount in imm[4:0] (the W forms)
        case shiftWord

        /// The bits that identify the instruction (riscv-opcodes' mask): funct7, funct3 and the
        /// major opcode; all of imm[11:0] for the unary forms; imm[11:6] for the 6-bit shifts.
        var mask: UInt32 {
            switch self {
            case .register, .shiftWord: return 0xfe00_707f
            case .unary: return 0xfff0_707f
            case .shift: return 0xfc00_707f
            }
        }
    }

    /// One instruction: its operation, mnemonic, form and fixed bits (`bits & form.mask == match`).
    struct Encoding {
        let op: Opcode
        let mnemonic: String
        let form: Form
        let match: UInt32
    }

    private static let op: UInt32 = 0x33, op32: UInt32 = 0x3b, opImm: UInt32 = 0x13, opImm32: UInt32 = 0x1b

    /// R-type fixed bits.
    private static func r(_ funct7: UInt32, _ funct3: UInt32, _ major: UInt32) -> UInt32 {
        funct7 << 25 | funct3 << 12 | major
    }
    /// I-type fixed bits with imm[11:0] (unary) or imm[11:6] << 6 (shifts).
    private static func i(_ imm: UInt32, _ funct3: UInt32, _ major: UInt32) -> UInt32 {
        imm << 20 | funct3 << 12 | major
    }

    /// Every instruction of Zba, Zbb, Zbs, Zbc and Zicond for RV64.
    static let encodings: [Encoding] = [
        // Zba
        Encoding(op: .addUw, mnemonic: "add.uw", form: .register, match: r(0x04, 0, op32)),
        Encoding(op: .sh1add, mnemonic: "sh1add", form: .register, match: r(0x10, 2, op)),
        Encoding(op: .sh2add, mnemonic: "sh2add", form: .register, match: r(0x10, 4, op)),
        Encoding(op: .sh3add, mnemonic: "sh3add", form: .register, match: r(0x10, 6, op)),
        Encoding(op: .sh1addUw, mnemonic: "sh1add.uw", form: .register, match: r(0x10, 2, op32)),
        Encoding(op: .sh2addUw, mnemonic: "sh2add.uw", form: .register, match: r(0x10, 4, op32)),
        Encoding(op: .sh3addUw, mnemonic: "sh3add.uw", form: .register, match: r(0x10, 6, op32)),
        Encoding(op: .slliUw, mnemonic: "slli.uw", form: .shift, match: i(0x02 << 6, 1, opImm32)),
        // Zbb
        Encoding(op: .andn, mnemonic: "andn", form: .register, match: r(0x20, 7, op)),
        Encoding(op: .orn, mnemonic: "orn", form: .register, match: r(0x20, 6, op)),
        Encoding(op: .xnor, mnemonic: "xnor", form: .register, match: r(0x20, 4, op)),
        Encoding(op: .clz, mnemonic: "clz", form: .unary, match: i(0x600, 1, opImm)),
        Encoding(op: .ctz, mnemonic: "ctz", form: .unary, match: i(0x601, 1, opImm)),
        Encoding(op: .cpop, mnemonic: "cpop", form: .unary, match: i(0x602, 1, opImm)),
        Encoding(op: .sextB, mnemonic: "sext.b", form: .unary, match: i(0x604, 1, opImm)),
        Encoding(op: .sextH, mnemonic: "sext.h", form: .unary, match: i(0x605, 1, opImm)),
        Encoding(op: .clzw, mnemonic: "clzw", form: .unary, match: i(0x600, 1, opImm32)),
        Encoding(op: .ctzw, mnemonic: "ctzw", form: .unary, match: i(0x601, 1, opImm32)),
        Encoding(op: .cpopw, mnemonic: "cpopw", form: .unary, match: i(0x602, 1, opImm32)),
        Encoding(op: .zextH, mnemonic: "zext.h", form: .unary, match: i(0x080, 4, op32)),
        Encoding(op: .min, mnemonic: "min", form: .register, match: r(0x05, 4, op)),
        Encoding(op: .minu, mnemonic: "minu", form: .register, match: r(0x05, 5, op)),
        Encoding(op: .max, mnemonic: "max", form: .register, match: r(0x05, 6, op)),
        Encoding(op: .maxu, mnemonic: "maxu", form: .register, match: r(0x05, 7, op)),
        Encoding(op: .rol, mnemonic: "rol", form: .register, match: r(0x30, 1, op)),
        Encoding(op: .ror, mnemonic: "ror", form: .register, match: r(0x30, 5, op)),
        Encoding(op: .rori, mnemonic: "rori", form: .shift, match: i(0x18 << 6, 5, opImm)),
        Encoding(op: .rolw, mnemonic: "rolw", form: .register, match: r(0x30, 1, op32)),
        Encoding(op: .rorw, mnemonic: "rorw", form: .register, match: r(0x30, 5, op32)),
        Encoding(op: .roriw, mnemonic: "roriw", form: .shiftWord, match: r(0x30, 5, opImm32)),
        Encoding(op: .orcB, mnemonic: "orc.b", form: .unary, match: i(0x287, 5, opImm)),
        Encoding(op: .rev8, mnemonic: "rev8", form: .unary, match: i(0x6b8, 5, opImm)),
        // Zbs
        Encoding(op: .bclr, mnemonic: "bclr", form: .register, match: r(0x24, 1, op)),
        Encoding(op: .bext, mnemonic: "bext", form: .register, match: r(0x24, 5, op)),
        Encoding(op: .binv, mnemonic: "binv", form: .register, match: r(0x34, 1, op)),
        Encoding(op: .bset, mnemonic: "bset", form: .register, match: r(0x14, 1, op)),
        Encoding(op: .bclri, mnemonic: "bclri", form: .shift, match: i(0x12 << 6, 1, opImm)),
        Encoding(op: .bexti, mnemonic: "bexti", form: .shift, match: i(0x12 << 6, 5, opImm)),
        Encoding(op: .binvi, mnemonic: "binvi", form: .shift, match: i(0x1a << 6, 1, opImm)),
        Encoding(op: .bseti, mnemonic: "bseti", form: .shift, match: i(0x0a << 6, 1, opImm)),
        // Zbc
        Encoding(op: .clmul, mnemonic: "clmul", form: .register, match: r(0x05, 1, op)),
        Encoding(op: .clmulr, mnemonic: "clmulr", form: .register, match: r(0x05, 2, op)),
        Encoding(op: .clmulh, mnemonic: "clmulh", form: .register, match: r(0x05, 3, op)),
        // Zicond
        Encoding(op: .czeroEqz, mnemonic: "czero.eqz", form: .register, match: r(0x07, 5, op)),
        Encoding(op: .czeroNez, mnemonic: "czero.nez", form: .register, match: r(0x07, 7, op)),
    ]

    /// The encoding `bits` is an instance of, or nil.
    static func encoding(of bits: UInt32) -> Encoding? {
        encodings.first { bits & $0.form.mask == $0.match }
    }

    /// Decodes one of these instructions (the shift amount in `imm`); illegal for anything else.
    static func decode(_ bits: UInt32) -> DecodedInstruction {
        guard let e = encoding(of: bits) else { return .illegal(bits) }
        let imm: UInt64
        switch e.form {
        case .shift: imm = UInt64((bits >> 20) & 0x3f)
        case .shiftWord: imm = UInt64((bits >> 20) & 0x1f)
        case .register, .unary: imm = 0
        }
        return DecodedInstruction(op: e.op, rd: bits.rd, rs1: bits.rs1, rs2: bits.rs2, bits: bits, imm: imm)
    }
}
