/// The operation of a predecoded instruction: one case per behaviour the execute loop dispatches on.
///
/// The decoders expand a compressed instruction to the base operation it stands for (its
/// `DecodedInstruction.bits` keep the 16-bit parcel). When the instruction is stored in the decode
/// cache, the operations that continue the loop's straight line take their one-parcel form
/// instead (`compressedForm`, the `c`-prefixed cases), so that every case of the loop knows its
/// instruction's length without reading it.
enum Opcode: UInt8 {
    // Slot states that are not instructions (values below `firstExecutable`).
    /// A decode-cache slot that has not been decoded yet.
    case undecoded = 0
    /// A 32-bit instruction whose upper half lies on the next page: fetched and decoded every time.
    case pageStraddle
    /// The sentinel past a page's last slot: sequential execution reaching it has left the page.
    case pageEnd

    // RV64I
    case illegal
    case lui, auipc, jal, jalr
    case beq, bne, blt, bge, bltu, bgeu
    case lb, lh, lw, ld, lbu, lhu, lwu
    case sb, sh, sw, sd
    case addi, slti, sltiu, xori, ori, andi, slli, srli, srai
    case add, sub, sll, slt, sltu, xor, srl, sra, or, and
    case addiw, slliw, srliw, sraiw
    case addw, subw, sllw, srlw, sraw
    case fence
    // Zifencei
    case fenceI
    // Privileged and environment calls
    case ecall, ebreak, mret, sret, wfi, sfenceVma
    // Zicsr (operands are re-read from `bits` by the executor)
    case csr
    // RV64M
    case mul, mulh, mulhsu, mulhu, div, divu, rem, remu
    case mulw, divw, divuw, remw, remuw
    // Zba
    case addUw, sh1add, sh2add, sh3add, sh1addUw, sh2addUw, sh3addUw, slliUw
    // Zbb
    case andn, orn, xnor, clz, ctz, cpop, clzw, ctzw, cpopw, sextB, sextH, zextH
    case min, minu, max, maxu, rol, ror, rori, rolw, rorw, roriw, orcB, rev8
    // Zbs (the immediate forms carry the bit index in `imm`)
    case bclr, bext, binv, bset, bclri, bexti, binvi, bseti
    // Zbc
    case clmul, clmulr, clmulh
    // Zicond
    case czeroEqz, czeroNez
    // RV64A (LR/SC and every AMO; the executor reads funct5 and the width from `bits`)
    case atomic
    // RV64F/RV64D transfers, executed in the loop (`rd` of flw/fld/fmv.w.x/fmv.d.x is an f register)
    case flw, fld, fsw, fsd
    case fmvXW, fmvXD, fmvWX, fmvDX
    // RV64F/RV64D add, subtract, multiply and divide (`rd` is an f register): tried in the loop
    // through the host shortcuts, else executed like `.floatingPoint`
    case faddS, fsubS, fmulS, fdivS, faddD, fsubD, fmulD, fdivD
    // RV64F/RV64D sqrt, comparisons, conversions, fsgnj, min/max, fclass and fused multiply-adds
    // (OP-FP and FMADD..FNMADD; the executor dispatches on `bits`)
    case floatingPoint
    // One-parcel forms of the straight-line operations, whichever compressed instruction they
    // came from (cAddi: c.addi, c.li, c.nop, c.addi16sp, c.addi4spn; cAdd: c.add, c.mv; ...).
    case cAddi, cAddiw, cLui, cAndi, cSlli, cSrli, cSrai
    case cAdd, cSub, cXor, cOr, cAnd, cAddw, cSubw
    case cLw, cLd, cSw, cSd, cFld, cFsd

    /// The first value that names a real instruction.
    static let firstExecutable = Opcode.illegal

    /// jal and the conditional branches: their target is pc + imm.
    var jumpsRelative: Bool {
        switch self {
        case .jal, .beq, .bne, .blt, .bge, .bltu, .bgeu: return true
        default: return false
        }
    }

    /// The bytes a load or store moves (a one-parcel form's are its base operation's); nil for
    /// every other operation. The cold load and store paths take their access size from here.
    var accessWidth: UInt64? {
        switch baseForm {
        case .lb, .lbu, .sb: return 1
        case .lh, .lhu, .sh: return 2
        case .lw, .lwu, .sw, .flw, .fsw: return 4
        case .ld, .sd, .fld, .fsd: return 8
        default: return nil
        }
    }

    /// Whether the instruction ends a block (see `DecodedInstruction.blockLength`): it may jump,
    /// or it always leaves the execute loop's straight line for its cold path, so that decoding
    /// ahead stops there (rather than running on into whatever data follows an ecall).
    var endsBlock: Bool {
        switch self {
        case .jalr: return true
        case _ where jumpsRelative: return true
        case .illegal, .fence, .fenceI, .csr, .ecall, .ebreak, .mret, .sret, .wfi, .sfenceVma: return true
        default: return false
        }
    }
}

/// One predecoded instruction, 16 bytes, stored in the decode cache at 2-byte granularity.
///
/// `rd` is already mapped so that writes to x0 land in the scratch register 32: the execute loop
/// writes `x[rd]` unconditionally and never has to re-zero x0.
///
/// `blockLength` is what lets the loop count retired instructions per block rather than one by
/// one: the number of instructions from this one to the end of its block, inclusive. A block runs
/// in a straight line from any instruction to the first jump, branch or instruction that always
/// takes the cold path (`Opcode.endsBlock`), or to the last instruction before the page ends or
/// before a page straddler (see `Hart.resolveSlot`).
struct DecodedInstruction {
    var op: Opcode
    /// Destination register index (0 in the encoding becomes `Hart.scratchRegister`).
    var rd: UInt8
    var rs1: UInt8
    var rs2: UInt8
    /// The raw instruction: 32 bits, or the 16-bit parcel of a compressed instruction.
    var bits: UInt32
    /// The immediate; every RISC-V immediate is a sign-extended 32-bit value.
    var immediate: Int32
    /// Length in bytes: 4 for a 32-bit instruction, 2 for a compressed one.
    var byteLength: UInt8
    /// For jal and the branches: the target (pc + imm) lies on the same page as the instruction,
    /// so its slot is this slot's address plus imm / 2 (set by `Hart.resolveSlot`, never for
    /// the instruction of a page straddler, which has no slot on a page).
    var targetOnPage: Bool
    /// Instructions from this one to the end of its block, inclusive (1 until `Hart.resolveSlot`
    /// links it to the instructions after it).
    var blockLength: UInt16

    static let undecoded = DecodedInstruction(op: .undecoded, rd: 0, rs1: 0, rs2: 0, bits: 0, imm: 0)
    static let pageEnd = DecodedInstruction(op: .pageEnd, rd: 0, rs1: 0, rs2: 0, bits: 0, imm: 0)

    /// An illegal instruction that reports `bits` in tval.
    static func illegal(_ bits: UInt32) -> DecodedInstruction {
        DecodedInstruction(op: .illegal, rd: 0, rs1: 0, rs2: 0, bits: bits, imm: 0)
    }

    /// The sign-extended immediate (branch/jump offsets are relative to the instruction's pc).
    @inline(__always)
    var imm: UInt64 { UInt64(bitPattern: Int64(immediate)) }

    /// Length in bytes: 4 for a 32-bit instruction, 2 for a compressed one.
    @inline(__always)
    var length: UInt64 { UInt64(byteLength) }

    /// Builds an instruction, mapping a destination of x0 to the scratch register.
    /// Precondition: `imm` is a sign-extended 32-bit value.
    @inline(__always)
    init(op: Opcode, rd: UInt32, rs1: UInt32, rs2: UInt32, bits: UInt32, imm: UInt64) {
        precondition(Int64(bitPattern: imm) == Int64(Int32(truncatingIfNeeded: imm)), "immediate wider than 32 bits")
        self.op = op
        self.rd = rd == 0 ? UInt8(Hart.scratchRegister) : UInt8(truncatingIfNeeded: rd)
        self.rs1 = UInt8(truncatingIfNeeded: rs1)
        self.rs2 = UInt8(truncatingIfNeeded: rs2)
        self.bits = bits
        self.immediate = Int32(truncatingIfNeeded: imm)
        self.byteLength = bits & 3 == 3 ? 4 : 2
        self.targetOnPage = false
        self.blockLength = 1
    }
}

/// Field access through a decode-cache slot, for the execute loop: each case reads only the fields
/// it uses, straight from the slot.
extension UnsafeMutablePointer where Pointee == DecodedInstruction {
    @inline(__always) var rd: Int { Int(truncatingIfNeeded: pointee.rd) }
    @inline(__always) var rs1: Int { Int(truncatingIfNeeded: pointee.rs1) }
    @inline(__always) var rs2: Int { Int(truncatingIfNeeded: pointee.rs2) }
    @inline(__always) var imm: UInt64 { pointee.imm }
    /// The slot of a jal's or branch's target. Precondition: `pointee.targetOnPage`.
    @inline(__always) var target: Self { self + Int(truncatingIfNeeded: pointee.immediate >> 1) }
}
