// The F and D extensions: single- and double-precision floating point.
extension Disassembler {
    /// Loads, stores, fused multiply-adds and OP-FP of F and D; nil for anything else.
    static func floatingPoint(_ word: EncodedWord) -> String? {
        switch word.opcode {
        case 0x07:
            guard let width = memoryWidth(word.funct3) else { return nil }
            return format("fl" + width, f(word.rd), memory(word.immediateI, x(word.rs1)))
        case 0x27:
            guard let width = memoryWidth(word.funct3) else { return nil }
            return format("fs" + width, f(word.rs2), memory(word.immediateS, x(word.rs1)))
        case 0x43, 0x47, 0x4b, 0x4f: return fusedMultiplyAdd(word)
        case 0x53: return operation(word)
        default: return nil
        }
    }

    private static func memoryWidth(_ funct3: UInt32) -> String? {
        switch funct3 {
        case 2: return "w"
        case 3: return "d"
        default: return nil
        }
    }

    /// `.s` or `.d` for the fmt field; nil for half and quad precision.
    private static func precision(_ format: UInt32) -> String? {
        switch format {
        case 0: return ".s"
        case 1: return ".d"
        default: return nil
        }
    }

    /// The rounding-mode operand: nil for a reserved mode, `[]` for `dyn`, else its name.
    private static func roundingMode(_ word: EncodedWord) -> [String]? {
        switch word.funct3 {
        case 7: return []
        case 5, 6: return nil
        default: return [["rne", "rtz", "rdn", "rup", "rmm"][Int(word.funct3)]]
        }
    }

    private static func formatted(_ mnemonic: String, _ operands: [String]) -> String {
        mnemonic + " " + operands.joined(separator: ", ")
    }

    private static func fusedMultiplyAdd(_ word: EncodedWord) -> String? {
        let names: [UInt32: String] = [0x43: "fmadd", 0x47: "fmsub", 0x4b: "fnmsub", 0x4f: "fnmadd"]
        guard let suffix = precision((word.bits >> 25) & 3), let rounding = roundingMode(word),
              let name = names[word.opcode] else { return nil }
        return formatted(name + suffix, [f(word.rd), f(word.rs1), f(word.rs2), f(word.rs3)] + rounding)
    }

    private static func operation(_ word: EncodedWord) -> String? {
        guard let suffix = precision(word.funct7 & 3) else { return nil }
        let rd = word.rd, rs1 = word.rs1, rs2 = word.rs2
        switch word.funct7 >> 2 {
        case 0x00, 0x01, 0x02, 0x03:
            guard let rounding = roundingMode(word) else { return nil }
            let name = ["fadd", "fsub", "fmul", "fdiv"][Int(word.funct7 >> 2)]
            return formatted(name + suffix, [f(rd), f(rs1), f(rs2)] + rounding)
        case 0x0b where rs2 == 0:
            guard let rounding = roundingMode(word) else { return nil }
            return formatted("fsqrt" + suffix, [f(rd), f(rs1)] + rounding)
        case 0x04 where word.funct3 < 3:
            let name = ["fsgnj", "fsgnjn", "fsgnjx"][Int(word.funct3)]
            return formatted(name + suffix, [f(rd), f(rs1), f(rs2)])
        case 0x05 where word.funct3 < 2:
            return formatted(["fmin", "fmax"][Int(word.funct3)] + suffix, [f(rd), f(rs1), f(rs2)])
        case 0x08: return convertPrecision(word)
        case 0x14 where word.funct3 < 3:
            return formatted(["fle", "flt", "feq"][Int(word.funct3)] + suffix, [x(rd), f(rs1), f(rs2)])
        case 0x18 where rs2 < 4:
            guard let rounding = roundingMode(word) else { return nil }
            let integer = [".w", ".wu", ".l", ".lu"][Int(rs2)]
            return formatted("fcvt" + integer + suffix, [x(rd), f(rs1)] + rounding)
        case 0x1a where rs2 < 4:
            guard let rounding = roundingMode(word) else { return nil }
            let exact = suffix == ".d" && rs2 < 2
            let integer = [".w", ".wu", ".l", ".lu"][Int(rs2)]
            return formatted("fcvt" + suffix + integer, [f(rd), x(rs1)] + (exact ? [] : rounding))
        case 0x1c where rs2 == 0 && word.funct3 == 0:
            return formatted(suffix == ".s" ? "fmv.x.w" : "fmv.x.d", [x(rd), f(rs1)])
        case 0x1c where rs2 == 0 && word.funct3 == 1:
            return formatted("fclass" + suffix, [x(rd), f(rs1)])
        case 0x1e where rs2 == 0 && word.funct3 == 0:
            return formatted(suffix == ".s" ? "fmv.w.x" : "fmv.d.x", [f(rd), x(rs1)])
        default: return nil
        }
    }

    /// fcvt.s.d (rounded) and fcvt.d.s (exact, no rounding mode printed).
    private static func convertPrecision(_ word: EncodedWord) -> String? {
        guard let rounding = roundingMode(word) else { return nil }
        switch (word.funct7, word.rs2) {
        case (0x20, 1): return formatted("fcvt.s.d", [f(word.rd), f(word.rs1)] + rounding)
        case (0x21, 0): return formatted("fcvt.d.s", [f(word.rd), f(word.rs1)])
        default: return nil
        }
    }
}
