import RISCV

/// The registers the stub shows, under gdb's RISC-V numbering: x0-x31 are 0-31, pc 32, f0-f31
/// 33-64, a CSR is 65 + its number (fflags 66, frm 67, fcsr 68) and the privilege level 4161.
///
/// Hosted targets have the integer and FP registers and fflags/frm/fcsr; bare targets add the
/// privilege level and the machine and supervisor CSRs of `bareCSRs`.
public enum DebugRegister: Equatable, Sendable {
    case x(Int), pc, f(Int), csr(UInt16), privilege

    static let csrBase = 65
    static let privilegeNumber = 65 + 4096

    /// The machine and supervisor CSRs a bare target shows, with their gdb names.
    static let bareCSRs: [(name: String, address: UInt16)] = [
        ("sstatus", CSRAddress.sstatus), ("sie", CSRAddress.sie), ("stvec", CSRAddress.stvec),
        ("scounteren", CSRAddress.scounteren), ("senvcfg", CSRAddress.senvcfg),
        ("sscratch", CSRAddress.sscratch), ("sepc", CSRAddress.sepc), ("scause", CSRAddress.scause),
        ("stval", CSRAddress.stval), ("sip", CSRAddress.sip), ("satp", CSRAddress.satp),
        ("mstatus", CSRAddress.mstatus), ("misa", CSRAddress.misa), ("medeleg", CSRAddress.medeleg),
        ("mideleg", CSRAddress.mideleg), ("mie", CSRAddress.mie), ("mtvec", CSRAddress.mtvec),
        ("mcounteren", CSRAddress.mcounteren), ("menvcfg", CSRAddress.menvcfg),
        ("mscratch", CSRAddress.mscratch), ("mepc", CSRAddress.mepc), ("mcause", CSRAddress.mcause),
        ("mtval", CSRAddress.mtval), ("mip", CSRAddress.mip), ("mcycle", CSRAddress.mcycle),
        ("minstret", CSRAddress.minstret), ("mhartid", CSRAddress.mhartid),
    ]
    /// fflags, frm and fcsr, shown by every target.
    static let floatingPointCSRs: [(name: String, address: UInt16)] = [
        ("fflags", CSRAddress.fflags), ("frm", CSRAddress.frm), ("fcsr", CSRAddress.fcsr),
    ]

    /// The register gdb numbers `number`, when the target shows it.
    public init?(number: Int, bare: Bool) {
        switch number {
        case 0..<32: self = .x(number)
        case 32: self = .pc
        case 33..<65: self = .f(number - 33)
        case DebugRegister.privilegeNumber where bare: self = .privilege
        case DebugRegister.csrBase..<DebugRegister.csrBase + 4096:
            let address = UInt16(number - DebugRegister.csrBase)
            let shown = DebugRegister.floatingPointCSRs + (bare ? DebugRegister.bareCSRs : [])
            guard shown.contains(where: { $0.address == address }) else { return nil }
            self = .csr(address)
        default: return nil
        }
    }

    /// Bytes in the protocol: 4 for fflags, frm and fcsr (32-bit in gdb's description), else 8.
    public var size: Int {
        if case .csr(let address) = self, address <= CSRAddress.fcsr { return 4 }
        return 8
    }

    /// The register's value on `hart`.
    public func read(_ hart: Hart) -> UInt64 {
        switch self {
        case .x(let i): return hart.register(i)
        case .pc: return hart.pc
        case .f(let i): return hart.floatRegister(i)
        case .csr(let address): return hart.readCSR(address)
        case .privilege: return UInt64(hart.privilege.rawValue)
        }
    }

    /// Sets the register on `hart` (x0 and read-only CSRs ignore it, WARL rules apply); false for
    /// a privilege level the hart does not have.
    public func write(_ value: UInt64, to hart: Hart) -> Bool {
        switch self {
        case .x(let i): hart.setRegister(i, value)
        case .pc: hart.pc = value
        case .f(let i): hart.setFloatRegister(i, value)
        case .csr(let address): hart.writeCSR(address, value)
        case .privilege:
            guard value <= 3, let mode = PrivilegeMode(rawValue: UInt8(value)) else { return false }
            hart.privilege = mode
        }
        return true
    }

    /// The register's value in `context` (a thread off the hart); nil for one a context does not
    /// hold (the privilege level and CSRs other than fflags, frm and fcsr).
    public func read(_ context: HartContext) -> UInt64? {
        switch self {
        case .x(let i): return context.integerRegisters[i]
        case .pc: return context.pc
        case .f(let i): return context.floatRegisters[i]
        case .csr(CSRAddress.fflags): return context.fcsr & 0x1f
        case .csr(CSRAddress.frm): return context.fcsr >> 5 & 0x7
        case .csr(CSRAddress.fcsr): return context.fcsr & 0xff
        case .csr, .privilege: return nil
        }
    }

    /// Sets the register in `context` (x0 ignores it); false for one a context does not hold.
    public func write(_ value: UInt64, to context: inout HartContext) -> Bool {
        switch self {
        case .x(let i): if i != 0 { context.integerRegisters[i] = value }
        case .pc: context.pc = value
        case .f(let i): context.floatRegisters[i] = value
        case .csr(CSRAddress.fflags): context.fcsr = context.fcsr & ~0x1f | value & 0x1f
        case .csr(CSRAddress.frm): context.fcsr = context.fcsr & ~0xe0 | (value & 0x7) << 5
        case .csr(CSRAddress.fcsr): context.fcsr = value & 0xff
        case .csr, .privilege: return false
        }
        return true
    }

    /// The registers of the `g` packet: x0-x31 and pc.
    static let generalRegisters: [DebugRegister] = (0..<32).map { DebugRegister.x($0) } + [.pc]
}
