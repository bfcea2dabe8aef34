/// Interrupts (privileged spec, "Machine Interrupt Registers" and "Supervisor Interrupt
/// Registers"), the machine timer and Sstc's supervisor timer.
///
/// - Sources: mip.SSIP/STIP/SEIP are software-writable bits; MSIP is the CLINT's msip; MTIP is
///   `mtime >= mtimecmp`; with menvcfg.STCE, STIP is `mtime >= stimecmp` instead of a writable bit.
///   Nothing drives MEIP (there is no PLIC), so external interrupts are never pending.
/// - mtime ticks once every `Hart.instructionsPerTick` retired instructions, plus the time a `wfi`
///   skipped and what software wrote to it: runs are reproducible.
/// - An interrupt is taken before an instruction, when pending and enabled in mie and either
///   delegated (mideleg) to S-mode while the hart runs in U, or in S with SIE set, or not delegated
///   while the hart runs below M, or in M with MIE set. M-level interrupts win over S-level ones;
///   within a level the order is MEI, MSI, MTI, SEI, SSI, STI. The handler is entered like an
///   exception's, with the interrupt bit set in xcause, xtval 0, xepc the next instruction, and
///   pc = base + 4 * code when xtvec is vectored.
/// - When they are checked (nothing is checked per instruction in the execute loop): when `run`
///   starts and after every cold path (CSR writes, xRET, wfi, CLINT stores through the slow path are
///   all cold), and when a timer's deadline comes: `run` cuts its budget into slices that end
///   exactly where a timer enabled in mie becomes pending.
extension Hart {
    /// mip as software reads it: the stored bits, MSIP from the CLINT, MTIP from mtimecmp, and STIP
    /// from stimecmp when Sstc is on.
    var pendingInterrupts: UInt64 {
        var pending = csrs.mip & ~(Interrupt.machineSoftware | Interrupt.machineTimer)
        if clint.softwareInterrupt { pending |= Interrupt.machineSoftware }
        let now = machineTime
        if now >= clint.timeCompare { pending |= Interrupt.machineTimer }
        if supervisorTimerCompareEnabled {
            pending = now >= csrs.stimecmp ? pending | Interrupt.supervisorTimer : pending & ~Interrupt.supervisorTimer
        }
        return pending
    }

    /// menvcfg.STCE: stimecmp drives mip.STIP.
    var supervisorTimerCompareEnabled: Bool { csrs.menvcfg & EnvironmentConfig.stce != 0 }

    /// mtime: retired instructions / `instructionsPerTick`, plus what software wrote and wfi skipped.
    var machineTime: UInt64 { instructionsRetired / Hart.instructionsPerTick &+ csrs.timeOffset }

    /// Makes mtime read `value` now.
    func setMachineTime(_ value: UInt64) {
        csrs.timeOffset = value &- instructionsRetired / Hart.instructionsPerTick
    }

    /// The interrupt to take now, as its code (the bit number in mip), or nil.
    func interruptToTake() -> UInt64? {
        let pending = pendingInterrupts & csrs.mie
        guard pending != 0 else { return nil }
        let status = csrs.mstatus
        let machine = pending & ~csrs.mideleg
        if machine != 0 && (currentPrivilege != .machine || status & MStatus.mie != 0) {
            return Interrupt.highestPriority(machine)
        }
        let supervisor = pending & csrs.mideleg
        if supervisor != 0 && (currentPrivilege == .user || (currentPrivilege == .supervisor && status & MStatus.sie != 0)) {
            return Interrupt.highestPriority(supervisor)
        }
        return nil
    }

    /// Takes the interrupt that is due, if any, before the instruction at `pc`. Returns whether
    /// one was taken (pc is then its handler's). Hosted delivery never takes interrupts.
    @inline(never)
    func takeInterruptIfDue() -> Bool {
        guard delivery == .architectural, csrs.mie != 0, let code = interruptToTake() else { return false }
        enterHandler(cause: Interrupt.causeBit | code, value: 0, epc: pc,
                     supervisor: csrs.mideleg & (1 << code) != 0, vector: code)
        return true
    }

    /// Retired instructions until a timer enabled in mie turns pending (its deadline); nil when
    /// none is armed. `run` ends a slice there so the interrupt is taken on time.
    func instructionsUntilTimerInterrupt() -> UInt64? {
        guard delivery == .architectural else { return nil }
        var earliest: UInt64?
        if csrs.mie & Interrupt.machineTimer != 0 { earliest = instructionsUntil(clint.timeCompare) }
        if csrs.mie & Interrupt.supervisorTimer != 0, supervisorTimerCompareEnabled,
           let s = instructionsUntil(csrs.stimecmp) {
            earliest = min(earliest ?? s, s)
        }
        return earliest
    }

    /// Retired instructions until mtime reaches `compare`; nil when it already has, or never will
    /// within 2^64 instructions.
    private func instructionsUntil(_ compare: UInt64) -> UInt64? {
        guard machineTime < compare else { return nil }
        let ticks = compare &- csrs.timeOffset
        let (target, overflow) = ticks.multipliedReportingOverflow(by: Hart.instructionsPerTick)
        guard !overflow, target > instructionsRetired else { return overflow ? nil : 1 }
        return target - instructionsRetired
    }

    /// wfi: returns at once when an interrupt is pending and enabled in mie (whatever the global
    /// enables); otherwise moves mtime forward to the earliest armed timer deadline, which makes
    /// that interrupt pending. Returns false when nothing could ever wake the hart: no interrupt
    /// pending and no timer armed.
    func waitForInterrupt() -> Bool {
        if pendingInterrupts & csrs.mie != 0 { return true }
        var deadline: UInt64?
        if csrs.mie & Interrupt.machineTimer != 0 { deadline = clint.timeCompare }
        if csrs.mie & Interrupt.supervisorTimer != 0, supervisorTimerCompareEnabled {
            deadline = min(deadline ?? csrs.stimecmp, csrs.stimecmp)
        }
        guard let deadline else { return false }
        setMachineTime(deadline)
        return true
    }
}

/// mip/mie bit masks and interrupt codes.
enum Interrupt {
    static let supervisorSoftware: UInt64 = 1 << 1
    static let machineSoftware: UInt64 = 1 << 3
    static let supervisorTimer: UInt64 = 1 << 5
    static let machineTimer: UInt64 = 1 << 7
    static let supervisorExternal: UInt64 = 1 << 9
    static let machineExternal: UInt64 = 1 << 11
    /// The interrupt bit of mcause/scause.
    static let causeBit: UInt64 = 1 << 63
    /// Codes in the privileged spec's priority order: MEI, MSI, MTI, SEI, SSI, STI.
    static let priorityOrder: [UInt64] = [11, 3, 7, 9, 1, 5]

    /// The code of the highest-priority interrupt in `set`. Precondition: `set` holds one of the six.
    static func highestPriority(_ set: UInt64) -> UInt64 {
        guard let code = priorityOrder.first(where: { set & (1 << $0) != 0 }) else {
            preconditionFailure("no standard interrupt in 0x\(String(set, radix: 16))")
        }
        return code
    }
}

/// menvcfg fields.
enum EnvironmentConfig {
    /// FIOM.
    static let fiom: UInt64 = 1 << 0
    /// STCE: Sstc's stimecmp is enabled.
    static let stce: UInt64 = 1 << 63
}
