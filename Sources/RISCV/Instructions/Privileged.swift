/// The privileged instructions and environment calls of the SYSTEM opcode with funct3 = 0:
/// ECALL, EBREAK, MRET, SRET, WFI and SFENCE.VMA — encodings and behaviour.
///
/// - ECALL raises environment call from U/S/M (8/9/11), tval 0.
/// - EBREAK raises breakpoint (3) with tval = the pc of the ebreak (the faulting virtual address,
///   as the privileged spec allows and Spike does).
/// - MRET (M only) and SRET (S or M; not S while mstatus.TSR) return through `returnFromTrap`.
/// - WFI waits for an interrupt (`Hart.waitForInterrupt`, called by the cold path: it skips mtime
///   forward to the next armed timer); when nothing could ever wake the hart it stops `run`
///   (`waitsForever`, pc at the wfi). In U-mode it is illegal (S-mode exists). Under hosted
///   delivery, which takes no interrupts, it is a no-op.
/// - SFENCE.VMA (S or M; not S while mstatus.TVM) flushes the whole TLB whatever rs1/rs2 say.
/// - WFI in S-mode while mstatus.TW is illegal (the wait never completes "in time").
enum Privileged {
    static func decode(_ bits: UInt32) -> DecodedInstruction {
        func make(_ op: Opcode) -> DecodedInstruction {
            DecodedInstruction(op: op, rd: 0, rs1: bits.rs1, rs2: bits.rs2, bits: bits, imm: 0)
        }
        switch bits {
        case 0x0000_0073: return make(.ecall)
        case 0x0010_0073: return make(.ebreak)
        case 0x3020_0073: return make(.mret)
        case 0x1020_0073: return make(.sret)
        case 0x1050_0073: return make(.wfi)
        default:
            return bits.funct7 == 0x09 && bits.rd == 0 ? make(.sfenceVma) : .illegal(bits)
        }
    }
}

extension Hart {
    /// Executes MRET, SRET, WFI or SFENCE.VMA. Returns false with `lastFault` set when the
    /// instruction is illegal at the current privilege; otherwise sets `pc` to the next pc (the
    /// cold path has done a wfi's waiting before).
    @inline(never)
    func executePrivileged(_ d: DecodedInstruction, pc: UInt64) -> Bool {
        switch d.op {
        case .mret where currentPrivilege == .machine:
            returnFromTrap(machine: true)
        case .sret where currentPrivilege == .machine || (currentPrivilege == .supervisor && !trapsInSupervisor(MStatus.tsr)):
            returnFromTrap(machine: false)
        case .wfi where currentPrivilege == .machine || (currentPrivilege == .supervisor && !trapsInSupervisor(MStatus.tw)):
            self.pc = pc &+ 4
        case .sfenceVma where currentPrivilege == .machine || (currentPrivilege == .supervisor && !trapsInSupervisor(MStatus.tvm)):
            flushTLB()
            self.pc = pc &+ 4
        default:
            lastFault = Trap(.illegalInstruction, value: UInt64(d.bits), pc: pc)
            return false
        }
        return true
    }

    /// Whether the mstatus trap bit `field` (TSR, TW or TVM) is set.
    private func trapsInSupervisor(_ field: UInt64) -> Bool {
        csrs.mstatus & field != 0
    }

    /// MRET/SRET: privilege = xPP, xIE = xPIE, xPIE = 1, xPP = U, MPRV cleared when returning
    /// below M, pc = xepc, reservation dropped.
    func returnFromTrap(machine: Bool) {
        var status = csrs.mstatus
        let target: PrivilegeMode
        if machine {
            target = PrivilegeMode(rawValue: UInt8((status & MStatus.mpp) >> MStatus.mppShift)) ?? .user
            status = status & MStatus.mpie != 0 ? status | MStatus.mie : status & ~MStatus.mie
            status = (status | MStatus.mpie) & ~MStatus.mpp
            pc = csrs.mepc
        } else {
            target = status & MStatus.spp != 0 ? .supervisor : .user
            status = status & MStatus.spie != 0 ? status | MStatus.sie : status & ~MStatus.sie
            status = (status | MStatus.spie) & ~MStatus.spp
            pc = csrs.sepc
        }
        if target != .machine { status &= ~MStatus.mprv }
        writeMStatus(status)
        setPrivilege(target)
        reservation = nil
    }
}
