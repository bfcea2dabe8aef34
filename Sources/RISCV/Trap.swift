/// Synchronous exception codes of the privileged spec (mcause/scause with the interrupt bit clear).
public enum ExceptionCode: UInt64, Sendable, CustomStringConvertible {
    case instructionAddressMisaligned = 0
    case instructionAccessFault = 1
    case illegalInstruction = 2
    case breakpoint = 3
    case loadAddressMisaligned = 4
    case loadAccessFault = 5
    case storeAddressMisaligned = 6
    case storeAccessFault = 7
    case environmentCallFromU = 8
    case environmentCallFromS = 9
    case environmentCallFromM = 11
    case instructionPageFault = 12
    case loadPageFault = 13
    case storePageFault = 15

    public var description: String {
        switch self {
        case .instructionAddressMisaligned: return "instruction address misaligned"
        case .instructionAccessFault: return "instruction access fault"
        case .illegalInstruction: return "illegal instruction"
        case .breakpoint: return "breakpoint"
        case .loadAddressMisaligned: return "load address misaligned"
        case .loadAccessFault: return "load access fault"
        case .storeAddressMisaligned: return "store address misaligned"
        case .storeAccessFault: return "store access fault"
        case .environmentCallFromU: return "ecall from U-mode"
        case .environmentCallFromS: return "ecall from S-mode"
        case .environmentCallFromM: return "ecall from M-mode"
        case .instructionPageFault: return "instruction page fault"
        case .loadPageFault: return "load page fault"
        case .storePageFault: return "store page fault"
        }
    }
}

/// A synchronous trap as the hart raises it: what happened, the value for `xtval`, and the pc
/// of the instruction that caused it (`xepc`).
public struct Trap: Equatable, Sendable, CustomStringConvertible {
    public var code: ExceptionCode
    /// The faulting address for memory faults, the instruction bits for illegal instructions, else 0.
    public var value: UInt64
    /// The pc of the trapping instruction.
    public var pc: UInt64

    public init(_ code: ExceptionCode, value: UInt64 = 0, pc: UInt64) {
        self.code = code
        self.value = value
        self.pc = pc
    }

    public var description: String {
        "\(code) (tval 0x\(String(value, radix: 16)), pc 0x\(String(pc, radix: 16)))"
    }
}
