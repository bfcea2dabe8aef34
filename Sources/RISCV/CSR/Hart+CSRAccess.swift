/// Reading and writing CSRs by number, with their WARL rules and side effects, but without
/// privilege checks (`Zicsr` adds those for guest accesses).
///
/// Counters: mcycle and minstret (and their views cycle and instret) are `HardwareCounter`s over
/// `instructionsRetired`: writable, stopped by their `mcountinhibit` bits (CY, IR; the others are
/// read-only zero). time reads `mtime`. hpmcounter3..31, mhpmcounter3..31 and mhpmevent3..31
/// read 0 and ignore writes.
extension Hart {
    /// The CSR's value, or nil when the hart does not implement `address`.
    func csrValue(_ address: UInt16) -> UInt64? {
        let c = csrs
        switch address {
        case CSRAddress.fflags: return c.fflags
        case CSRAddress.frm: return c.frm
        case CSRAddress.fcsr: return c.frm << 5 | c.fflags
        case CSRAddress.cycle, CSRAddress.mcycle: return c.mcycle.value(retired: instructionsRetired)
        case CSRAddress.instret, CSRAddress.minstret: return c.minstret.value(retired: instructionsRetired)
        case CSRAddress.time: return machineTime
        case 0xC03...0xC1F, 0xB03...0xB1F, 0x323...0x33F: return 0
        case CSRAddress.sstatus: return mstatusValue & MStatus.readableS
        case CSRAddress.sie: return c.mie & c.mideleg
        case CSRAddress.stvec: return c.stvec
        case CSRAddress.scounteren: return c.scounteren
        case CSRAddress.senvcfg: return c.senvcfg
        case CSRAddress.sscratch: return c.sscratch
        case CSRAddress.sepc: return c.sepc
        case CSRAddress.scause: return c.scause
        case CSRAddress.stval: return c.stval
        case CSRAddress.sip: return pendingInterrupts & c.mideleg
        case CSRAddress.stimecmp: return c.stimecmp
        case CSRAddress.satp: return c.satp
        case CSRAddress.mstatus: return mstatusValue
        case CSRAddress.misa: return ControlStatusRegisters.misaValue
        case CSRAddress.medeleg: return c.medeleg
        case CSRAddress.mideleg: return c.mideleg
        case CSRAddress.mie: return c.mie
        case CSRAddress.mtvec: return c.mtvec
        case CSRAddress.mcounteren: return c.mcounteren
        case CSRAddress.menvcfg: return c.menvcfg
        case CSRAddress.mcountinhibit:
            return (c.mcycle.inhibited ? CounterInhibit.cycle : 0) | (c.minstret.inhibited ? CounterInhibit.instret : 0)
        case CSRAddress.mscratch: return c.mscratch
        case CSRAddress.mepc: return c.mepc
        case CSRAddress.mcause: return c.mcause
        case CSRAddress.mtval: return c.mtval
        case CSRAddress.mip: return pendingInterrupts
        case 0x3A0...0x3AF where address & 1 == 0: return c.pmpcfg[Int(address - 0x3A0) / 2]
        case 0x3B0...0x3EF: return c.pmpaddr[Int(address - 0x3B0)]
        // The trigger module with no triggers (debug spec, "Trigger Module Registers"): tselect is
        // read-only 0, tdata1 reads type 0 ("no trigger at this tselect"), tdata2/3 read 0 and
        // tinfo reads 1 (only type 0 at this index). Writes are ignored.
        case CSRAddress.tselect, CSRAddress.tdata1, CSRAddress.tdata2, CSRAddress.tdata3: return 0
        case CSRAddress.tinfo: return 1
        case CSRAddress.mvendorid, CSRAddress.marchid, CSRAddress.mimpid,
             CSRAddress.mhartid, CSRAddress.mconfigptr:
            return 0
        default: return nil
        }
    }

    /// mstatus as software reads it: storage plus UXL = SXL = 2 and SD when FS is Dirty.
    var mstatusValue: UInt64 {
        let s = csrs.mstatus | MStatus.xlenFields
        return s & MStatus.fs == MStatus.fs ? s | MStatus.sd : s
    }

    /// Writes `value` applying the CSR's WARL rules. Returns false when the hart does not implement
    /// `address`. Read-only CSRs accept and ignore the write (privilege checks are the caller's).
    /// `writerRetires`: a CSR instruction writes, which will retire afterwards; a write to mcycle
    /// or minstret then holds after that retirement (the write takes precedence over the
    /// instruction's own increment).
    @discardableResult
    func setCSRValue(_ address: UInt16, _ value: UInt64, writerRetires: Bool = false) -> Bool {
        let retired = instructionsRetired &+ (writerRetires ? 1 : 0)
        switch address {
        case CSRAddress.fflags: csrs.fflags = value & 0x1f; markFloatingPointDirty()
        case CSRAddress.frm: csrs.frm = value & 7; markFloatingPointDirty()
        case CSRAddress.fcsr:
            csrs.fflags = value & 0x1f
            csrs.frm = (value >> 5) & 7
            markFloatingPointDirty()
        case CSRAddress.mcycle: csrs.mcycle.set(value, retired: retired)
        case CSRAddress.minstret: csrs.minstret.set(value, retired: retired)
        case CSRAddress.sstatus:
            writeMStatus((csrs.mstatus & ~MStatus.writableS) | (value & MStatus.writableS))
        case CSRAddress.sie:
            csrs.mie = (csrs.mie & ~csrs.mideleg) | (value & csrs.mideleg)
            timerRearmed = true
        case CSRAddress.stvec: csrs.stvec = trapVector(value, old: csrs.stvec)
        case CSRAddress.scounteren: csrs.scounteren = value & 0xffff_ffff
        case CSRAddress.senvcfg: csrs.senvcfg = value & 1
        case CSRAddress.sscratch: csrs.sscratch = value
        case CSRAddress.sepc: csrs.sepc = value & ~1
        case CSRAddress.scause: csrs.scause = value
        case CSRAddress.stval: csrs.stval = value
        case CSRAddress.sip:
            let writable = csrs.mideleg & (1 << 1)
            csrs.mip = (csrs.mip & ~writable) | (value & writable)
        case CSRAddress.satp: writeSATP(value)
        case CSRAddress.mstatus:
            writeMStatus((csrs.mstatus & ~MStatus.writableM) | (value & MStatus.writableM))
        case CSRAddress.medeleg: csrs.medeleg = value & 0xB3FF
        case CSRAddress.mideleg: csrs.mideleg = value & InterruptBits.supervisor
        case CSRAddress.mie: csrs.mie = value & InterruptBits.all; timerRearmed = true
        case CSRAddress.stimecmp: csrs.stimecmp = value; timerRearmed = true
        case CSRAddress.mtvec: csrs.mtvec = trapVector(value, old: csrs.mtvec)
        case CSRAddress.mcounteren: csrs.mcounteren = value & 0xffff_ffff
        case CSRAddress.menvcfg:
            csrs.menvcfg = value & (EnvironmentConfig.fiom | EnvironmentConfig.stce)
            timerRearmed = true
        case CSRAddress.mcountinhibit:
            // Takes effect before the writer's increment, as in Spike: setting IR does not count
            // the writing instruction, clearing it does.
            csrs.mcycle.inhibit(value & CounterInhibit.cycle != 0, retired: instructionsRetired)
            csrs.minstret.inhibit(value & CounterInhibit.instret != 0, retired: instructionsRetired)
        case CSRAddress.mscratch: csrs.mscratch = value
        case CSRAddress.mepc: csrs.mepc = value & ~1
        case CSRAddress.mcause: csrs.mcause = value
        case CSRAddress.mtval: csrs.mtval = value
        case CSRAddress.mip:
            // SSIP, STIP and SEIP are software's; STIP is stimecmp's while Sstc is on.
            let writable = supervisorTimerCompareEnabled ? InterruptBits.supervisor & ~Interrupt.supervisorTimer
                : InterruptBits.supervisor
            csrs.mip = (csrs.mip & ~writable) | (value & writable)
        case 0x3A0...0x3AF where address & 1 == 0: csrs.pmpcfg[Int(address - 0x3A0) / 2] = value
        case 0x3B0...0x3EF: csrs.pmpaddr[Int(address - 0x3B0)] = value & ((1 << 54) - 1)
        default:
            return csrValue(address) != nil
        }
        return true
    }

    /// Stores a new mstatus: MPP keeps its old value when written with the reserved 2, and a
    /// change to a translation field (MPP, MPRV, SUM, MXR) flushes the TLB.
    func writeMStatus(_ proposed: UInt64) {
        var value = proposed
        if (value & MStatus.mpp) >> MStatus.mppShift == 2 {
            value = (value & ~MStatus.mpp) | (csrs.mstatus & MStatus.mpp)
        }
        let changed = value ^ csrs.mstatus
        csrs.mstatus = value
        if changed & MStatus.translationFields != 0 { flushTLB() }
    }

    /// satp accepts MODE 0 (bare) and 8 (Sv39) with ASID 0; a write of another mode is ignored.
    /// Every accepted write flushes the TLB.
    func writeSATP(_ value: UInt64) {
        let mode = value & Satp.mode
        guard mode == 0 || mode == Satp.sv39 else { return }
        csrs.satp = value & (Satp.mode | Satp.ppn)
        flushTLB()
    }

    /// mtvec/stvec: the base keeps bits 63:2; MODE 0 (direct) and 1 (vectored) are kept,
    /// the reserved modes 2 and 3 leave the old mode.
    func trapVector(_ value: UInt64, old: UInt64) -> UInt64 {
        let mode = value & 3 < 2 ? value & 3 : old & 3
        return (value & ~3) | mode
    }

    /// Sets mstatus.FS to Dirty (after any write of floating-point state).
    func markFloatingPointDirty() {
        csrs.mstatus |= MStatus.fs
    }
}
