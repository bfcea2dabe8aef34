/// RV64F and RV64D, single- and double-precision floating point: encodings, and the state rules
/// both extensions share. The per-format behaviour is in `RV64F.swift` and `RV64D.swift`; the
/// arithmetic itself is the exact IEEE library of `Sources/RISCV/FloatingPoint/`, with exact
/// host shortcuts (`HostArithmetic`) for add/sub/mul/div/sqrt of ordinary numbers under RNE.
///
/// - Transfers (flw/fld/fsw/fsd, their compressed forms c.fld/c.fsd/c.fldsp/c.fsdsp, and
///   fmv.x.w/fmv.x.d/fmv.w.x/fmv.d.x) have opcodes of their own and run in the execute loop like
///   integer loads and stores (through the TLB, misaligned accesses handled the same way).
///   Transfers move bits unchanged: flw and fmv.w.x NaN-box the 32 bits they write, fsw and
///   fmv.x.w take the low 32 bits without checking the box, and fmv.x.w sign-extends them.
/// - fadd, fsub, fmul and fdiv have opcodes of their own (`.faddS`...`.fdivD`): the execute loop
///   tries them through the host shortcuts (`arithmeticShortcut`) and otherwise runs them like
///   the rest of OP-FP and FMADD/FMSUB/FNMSUB/FNMADD, which are `.floatingPoint`, executed by the
///   `@inline(never)` `executeFloatingPoint`, which dispatches on the instruction bits.
/// - Every single-precision operand read by an operation goes through `unboxF32` (an improperly
///   boxed register reads as the canonical NaN), and every single-precision result is boxed.
/// - Illegal instructions (tval = the bits): any F/D instruction while mstatus.FS is Off;
///   reserved encodings (fmt 2/3, wrong rs2 or funct3 fields); a static rm of 5 or 6; a dynamic rm
///   (7) while frm holds 5, 6 or 7. As in Spike and the Sail model, rm is checked wherever the
///   encoding has an rm field, even for the exact conversions (fcvt.d.s, fcvt.d.w, fcvt.d.wu).
/// - Writing an f register or raising a flag sets mstatus.FS to Dirty (and so mstatus.SD).
///   Flags accrue: fflags |= the raised flags. Instructions that only write x registers and raise
///   nothing (fmv.x.w, fclass, a quiet feq) leave FS alone.
enum RV64FD {
    static func decode(_ bits: UInt32) -> DecodedInstruction {
        switch bits & 0x7f {
        case 0x07, 0x27: return decodeTransfer(bits)
        case 0x43, 0x47, 0x4b, 0x4f:
            guard (bits >> 25) & 3 < 2, hasValidStaticRoundingMode(bits) else { return .illegal(bits) }
            return operation(.floatingPoint, bits)
        case 0x53: return decodeOperation(bits)
        default: return .illegal(bits)
        }
    }

    /// C.FLD, C.FSD (quadrant 0, funct3 1/5) and C.FLDSP, C.FSDSP (quadrant 2, funct3 1/5): the same
    /// offsets as c.ld/c.sd/c.ldsp/c.sdsp. f0 is a legal c.fldsp destination.
    static func decodeCompressed(_ parcel: UInt16) -> DecodedInstruction {
        let c = UInt32(parcel)
        func field(_ hi: UInt32, _ lo: UInt32) -> UInt32 { (c >> lo) & ((1 << (hi - lo + 1)) - 1) }
        let registerPrime = field(4, 2) + 8, basePrime = field(9, 7) + 8
        let doubleOffset = UInt64(field(12, 10) << 3 | field(6, 5) << 6)
        switch (c & 3, field(15, 13)) {
        case (0, 1): return transfer(.fld, bits: c, rd: registerPrime, rs1: basePrime, rs2: 0, imm: doubleOffset)
        case (0, 5): return transfer(.fsd, bits: c, rd: 0, rs1: basePrime, rs2: registerPrime, imm: doubleOffset)
        case (2, 1):
            let imm = field(12, 12) << 5 | field(6, 5) << 3 | field(4, 2) << 6
            return transfer(.fld, bits: c, rd: field(11, 7), rs1: 2, rs2: 0, imm: UInt64(imm))
        case (2, 5):
            let imm = field(12, 10) << 3 | field(9, 7) << 6
            return transfer(.fsd, bits: c, rd: 0, rs1: 2, rs2: field(6, 2), imm: UInt64(imm))
        default: return .illegal(c)
        }
    }

    /// LOAD-FP and STORE-FP: funct3 2 is the word (flw/fsw), 3 the doubleword (fld/fsd).
    private static func decodeTransfer(_ bits: UInt32) -> DecodedInstruction {
        let isLoad = bits & 0x7f == 0x07
        switch (isLoad, bits.funct3) {
        case (true, 2): return transfer(.flw, bits: bits, rd: bits.rd, rs1: bits.rs1, rs2: 0, imm: bits.immI)
        case (true, 3): return transfer(.fld, bits: bits, rd: bits.rd, rs1: bits.rs1, rs2: 0, imm: bits.immI)
        case (false, 2): return transfer(.fsw, bits: bits, rd: 0, rs1: bits.rs1, rs2: bits.rs2, imm: bits.immS)
        case (false, 3): return transfer(.fsd, bits: bits, rd: 0, rs1: bits.rs1, rs2: bits.rs2, imm: bits.immS)
        default: return .illegal(bits)
        }
    }

    /// OP-FP: funct7 = funct5 << 2 | fmt (0 = S, 1 = D; H and Q are not implemented).
    private static func decodeOperation(_ bits: UInt32) -> DecodedInstruction {
        let format = bits.funct7 & 3, funct3 = bits.funct3, rs2 = bits.rs2
        guard format < 2 else { return .illegal(bits) }
        let rounded = hasValidStaticRoundingMode(bits)
        let legal: Bool
        switch bits.funct7 >> 2 {
        case 0x00, 0x01, 0x02, 0x03:                                    // fadd fsub fmul fdiv
            guard rounded else { return .illegal(bits) }
            return transfer(arithmeticOpcode(funct5: bits.funct7 >> 2, double: format == 1), bits: bits,
                            rd: bits.rd, rs1: bits.rs1, rs2: bits.rs2, imm: 0)
        case 0x0b: legal = rounded && rs2 == 0                          // fsqrt
        case 0x04: legal = funct3 < 3                                   // fsgnj fsgnjn fsgnjx
        case 0x05: legal = funct3 < 2                                   // fmin fmax
        case 0x08: legal = rounded && rs2 == 1 - format                 // fcvt.s.d, fcvt.d.s
        case 0x14: legal = funct3 < 3                                   // fle flt feq
        case 0x18, 0x1a: legal = rounded && rs2 < 4                     // fcvt.{w,wu,l,lu}.fmt and back
        case 0x1c where rs2 == 0 && funct3 == 0:                        // fmv.x.w, fmv.x.d
            return operation(format == 0 ? .fmvXW : .fmvXD, bits)
        case 0x1c: legal = rs2 == 0 && funct3 == 1                      // fclass
        case 0x1e where rs2 == 0 && funct3 == 0:                        // fmv.w.x, fmv.d.x
            return transfer(format == 0 ? .fmvWX : .fmvDX, bits: bits, rd: bits.rd, rs1: bits.rs1, rs2: 0, imm: 0)
        default: legal = false
        }
        return legal ? operation(.floatingPoint, bits) : .illegal(bits)
    }

    /// The opcode of fadd/fsub/fmul/fdiv (funct5 0...3) in single or double precision.
    private static func arithmeticOpcode(funct5: UInt32, double: Bool) -> Opcode {
        switch (funct5, double) {
        case (0, false): return .faddS
        case (1, false): return .fsubS
        case (2, false): return .fmulS
        case (3, false): return .fdivS
        case (0, true): return .faddD
        case (1, true): return .fsubD
        case (2, true): return .fmulD
        default: return .fdivD
        }
    }

    /// False for the reserved static rounding modes 5 and 6 (7, dynamic, is checked at execution).
    private static func hasValidStaticRoundingMode(_ bits: UInt32) -> Bool {
        bits.funct3 != 5 && bits.funct3 != 6
    }

    /// An instruction whose `rd`, if any, is an x register (written through the x0 scratch mapping).
    private static func operation(_ op: Opcode, _ bits: UInt32) -> DecodedInstruction {
        DecodedInstruction(op: op, rd: bits.rd, rs1: bits.rs1, rs2: bits.rs2, bits: bits, imm: 0)
    }

    /// A transfer (or arithmetic) whose `rd` (loads, fmv.w.x, fmv.d.x, fadd...fdiv) is an f
    /// register: f0 is a real register, so rd is kept as encoded rather than mapped to the x0
    /// scratch slot.
    private static func transfer(_ op: Opcode, bits: UInt32, rd: UInt32, rs1: UInt32, rs2: UInt32,
                                 imm: UInt64) -> DecodedInstruction {
        var decoded = DecodedInstruction(op: op, rd: rd, rs1: rs1, rs2: rs2, bits: bits, imm: imm)
        decoded.rd = UInt8(truncatingIfNeeded: rd)
        return decoded
    }
}

extension UInt32 {
    /// The third source register of the fused multiply-adds (R4-type, bits 31:27).
    @inline(__always) var rs3: UInt32 { self >> 27 }
}

extension Hart {
    /// mstatus.FS is not Off: F/D instructions and the fflags/frm/fcsr CSRs may be used.
    @inline(__always)
    var floatingPointEnabled: Bool { csrs.mstatus & MStatus.fs != 0 }

    /// Executes an OP-FP or fused multiply-add instruction (`.floatingPoint`). Returns false with
    /// `lastFault` set to an illegal-instruction trap (tval = the bits) when FS is Off or the
    /// rounding mode does not resolve; nothing is written then.
    @inline(never)
    func executeFloatingPoint(_ d: DecodedInstruction, pc: UInt64) -> Bool {
        let executed = floatingPointEnabled
            && ((d.bits >> 25) & 1 == 0 ? executeSingle(d) : executeDouble(d))
        if !executed { lastFault = Trap(.illegalInstruction, value: UInt64(d.bits), pc: pc) }
        return executed
    }

    /// fadd/fsub/fmul/fdiv (`Operation` on `Bits`, the instruction in `d`) on the execute loop's
    /// straight line, through the exact host shortcuts (`HostArithmetic`). Returns true when it is
    /// done; false, having changed nothing, when FS is Off, the rounding mode is not
    /// round-to-nearest-even (a static 0, or dynamic with frm 0) or an operand lies outside the
    /// shortcut window: the loop then leaves the instruction to `executeFloatingPoint`.
    @inline(never)
    func arithmeticShortcut<Operation: ShortcutOperation, Bits: HostFloatBits>(
        _ d: UnsafeMutablePointer<DecodedInstruction>, _: Operation.Type, _: Bits.Type) -> Bool {
        let rm = d.pointee.bits.funct3
        guard floatingPointEnabled, rm == 0 || (rm == 7 && csrs.frm == 0) else { return false }
        let a = Bits.unbox(floatRegisters[d.rs1]), b = Bits.unbox(floatRegisters[d.rs2])
        guard let result = Operation.apply(a, b) else { return false }
        writeFloat(UInt32(d.pointee.rd), Bits.box(result.value), result.flags)
        return true
    }

    /// The rounding mode of an instruction with an rm field: static 0...4, or frm for 7.
    /// Nil (an illegal instruction) for 5, 6, or 7 while frm holds 5...7.
    @inline(__always)
    func roundingMode(_ bits: UInt32) -> RoundingMode? {
        RoundingMode(instructionField: UInt8(truncatingIfNeeded: bits.funct3), frm: UInt8(truncatingIfNeeded: csrs.frm))
    }

    /// ORs `flags` into fflags (marking FS Dirty when any is raised).
    @inline(__always)
    func accrue(_ flags: FloatFlags) {
        if !flags.isEmpty {
            csrs.fflags |= UInt64(flags.rawValue)
            markFloatingPointDirty()
        }
    }

    /// Writes f[rd] (raw 64 bits), accrues `flags` and marks FS Dirty.
    @inline(__always)
    func writeFloat(_ rd: UInt32, _ value: UInt64, _ flags: FloatFlags = []) {
        floatRegisters[Int(rd)] = value
        csrs.fflags |= UInt64(flags.rawValue)
        markFloatingPointDirty()
    }

    /// Writes x[rd] of a decoded instruction (x0 goes to the scratch slot) and accrues `flags`.
    @inline(__always)
    func writeInteger(_ d: DecodedInstruction, _ value: UInt64, _ flags: FloatFlags = []) {
        registers[Int(d.rd)] = value
        accrue(flags)
    }
}

/// One of the operations `Hart.arithmeticShortcut` runs through the host (a type, so that each
/// operation and format gets its own specialized shortcut).
protocol ShortcutOperation {
    static func apply<Bits: HostFloatBits>(_ a: Bits, _ b: Bits) -> FPResult<Bits>?
}

enum ShortcutAdd: ShortcutOperation {
    static func apply<Bits: HostFloatBits>(_ a: Bits, _ b: Bits) -> FPResult<Bits>? {
        HostArithmetic.add(a, b, .nearestEven)
    }
}

enum ShortcutSubtract: ShortcutOperation {
    static func apply<Bits: HostFloatBits>(_ a: Bits, _ b: Bits) -> FPResult<Bits>? {
        HostArithmetic.add(a, b ^ Bits.signBit, .nearestEven)
    }
}

enum ShortcutMultiply: ShortcutOperation {
    static func apply<Bits: HostFloatBits>(_ a: Bits, _ b: Bits) -> FPResult<Bits>? {
        HostArithmetic.multiply(a, b, .nearestEven)
    }
}

enum ShortcutDivide: ShortcutOperation {
    static func apply<Bits: HostFloatBits>(_ a: Bits, _ b: Bits) -> FPResult<Bits>? {
        HostArithmetic.divide(a, b, .nearestEven)
    }
}
