/// Taking a trap, under either delivery policy.
///
/// - `.hosted`: the trap is returned from `run` and the hart is left as before the instruction
///   (`pc == trap.pc`), for the Swift kernel (the seed's trap handler) to handle.
/// - `.architectural`: as the privileged spec says. A trap taken in U or S mode whose cause bit is
///   set in medeleg goes to S-mode: sepc, scause, stval, SPP = old privilege, SPIE = SIE, SIE = 0,
///   pc = stvec's base. Anything else (and every trap taken in M-mode) goes to M-mode likewise with
///   MPP/MPIE/MIE and mtvec's base. Exceptions ignore the vectored mode bit; interrupts
///   (`Interrupts.swift`) enter the same way and honour it.
extension Hart {
    /// Delivers `trap`. Returns true when `run` must stop (hosted delivery, or the trap allowance
    /// of this run is spent), with `pendingStop` and `pc` set; false when execution continues at
    /// the handler (already in `pc`).
    @inline(never)
    func deliver(_ trap: Trap) -> Bool {
        reservation = nil
        switch delivery {
        case .hosted:
            pc = trap.pc
            pendingStop = .trap(trap)
            return true
        case .architectural:
            if trapAllowance == 0 {
                pc = trap.pc
                pendingStop = .budgetExhausted
                return true
            }
            trapAllowance -= 1
            enterTrapHandler(trap)
            return false
        }
    }

    /// Architectural trap entry (see the type comment).
    func enterTrapHandler(_ trap: Trap) {
        let cause = trap.code.rawValue
        let delegated = currentPrivilege != .machine && (csrs.medeleg >> cause) & 1 == 1
        enterHandler(cause: cause, value: trap.value, epc: trap.pc, supervisor: delegated, vector: nil)
    }

    /// Enters the S-mode (`supervisor`) or M-mode handler with xcause = `cause`, xtval = `value`,
    /// xepc = `epc`: xPP = old privilege, xPIE = xIE, xIE = 0, pc = xtvec's base, plus 4 * `vector`
    /// when xtvec is vectored (interrupts pass their code, exceptions nil).
    func enterHandler(cause: UInt64, value: UInt64, epc: UInt64, supervisor: Bool, vector: UInt64?) {
        let from = currentPrivilege
        var status = csrs.mstatus
        let tvec: UInt64
        if supervisor {
            csrs.sepc = epc
            csrs.scause = cause
            csrs.stval = value
            status = from == .supervisor ? status | MStatus.spp : status & ~MStatus.spp
            status = status & MStatus.sie != 0 ? status | MStatus.spie : status & ~MStatus.spie
            status &= ~MStatus.sie
            tvec = csrs.stvec
        } else {
            csrs.mepc = epc
            csrs.mcause = cause
            csrs.mtval = value
            status = (status & ~MStatus.mpp) | (UInt64(from.rawValue) << MStatus.mppShift)
            status = status & MStatus.mie != 0 ? status | MStatus.mpie : status & ~MStatus.mpie
            status &= ~MStatus.mie
            tvec = csrs.mtvec
        }
        pc = tvec & ~3
        if let vector, tvec & 3 == 1 { pc = pc &+ 4 &* vector }
        writeMStatus(status)
        setPrivilege(supervisor ? .supervisor : .machine)
    }
}
