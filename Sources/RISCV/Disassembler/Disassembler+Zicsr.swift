// Zicsr: the CSR instructions, and the names of the CSRs the disassembler knows.
extension Disassembler {
    private static let csrMnemonics: [UInt32: String] = [
        1: "csrrw", 2: "csrrs", 3: "csrrc", 5: "csrrwi", 6: "csrrsi", 7: "csrrci",
    ]

    /// csrrw, csrrs, csrrc and their immediate forms; nil for anything else.
    static func controlAndStatusRegister(_ word: EncodedWord) -> String? {
        guard word.opcode == 0x73, let mnemonic = csrMnemonics[word.funct3] else { return nil }
        let source = word.funct3 >= 5 ? "\(word.rs1)" : x(word.rs1)
        return format(mnemonic, x(word.rd), csrName(UInt16(word.bits >> 20)), source)
    }

    /// The standard name of a CSR, or `0x...` for one this table does not know.
    static func csrName(_ address: UInt16) -> String {
        if let name = csrNames[address] { return name }
        switch address {
        case 0xc03...0xc1f: return "hpmcounter\(address - 0xc00)"
        case 0xb03...0xb1f: return "mhpmcounter\(address - 0xb00)"
        case 0x323...0x33f: return "mhpmevent\(address - 0x320)"
        case 0x3a0...0x3af: return "pmpcfg\(address - 0x3a0)"
        case 0x3b0...0x3ef: return "pmpaddr\(address - 0x3b0)"
        default: return "0x" + hex(UInt64(address))
        }
    }

    private static let csrNames: [UInt16: String] = [
        0x001: "fflags", 0x002: "frm", 0x003: "fcsr",
        0xc00: "cycle", 0xc01: "time", 0xc02: "instret",
        0x100: "sstatus", 0x104: "sie", 0x105: "stvec", 0x106: "scounteren", 0x10a: "senvcfg",
        0x140: "sscratch", 0x141: "sepc", 0x142: "scause", 0x143: "stval", 0x144: "sip", 0x14d: "stimecmp", 0x180: "satp",
        0xf11: "mvendorid", 0xf12: "marchid", 0xf13: "mimpid", 0xf14: "mhartid", 0xf15: "mconfigptr",
        0x300: "mstatus", 0x301: "misa", 0x302: "medeleg", 0x303: "mideleg", 0x304: "mie", 0x305: "mtvec",
        0x306: "mcounteren", 0x30a: "menvcfg", 0x320: "mcountinhibit",
        0x340: "mscratch", 0x341: "mepc", 0x342: "mcause", 0x343: "mtval", 0x344: "mip",
        0xb00: "mcycle", 0xb02: "minstret",
        0x7a0: "tselect", 0x7a1: "tdata1", 0x7a2: "tdata2", 0x7a3: "tdata3", 0x7a4: "tinfo",
        0x7b0: "dcsr", 0x7b1: "dpc", 0x7b2: "dscratch0", 0x7b3: "dscratch1",
    ]
}
