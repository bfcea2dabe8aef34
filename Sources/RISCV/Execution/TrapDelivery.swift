/// Taking a trap, under either delivery policy.
///
/// - `.hosted`: the trap is returned from `run` and the hart is left as before the instruction
///   (`pc == trap.pc`), for the Swift kernel (the seed's trap handler) to handle.
/// - `.architectural`: as the privileged spec says. A trap taken in U or S mode whose cause bit is
///   set in medeleg goes to S-mode: sepc, scause, stval, SPP = old privilege, SPIE = SIE, SIE = 0,
///   pc = stvec's base. Anything else (and every trap taken in M-mode) goes to M-mode likewise with
///   MPP/MPIE/MIE and mtvec's base. Exceptions ignore the vectored mode bit.
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
        let from = currentPrivilege
        let cause = trap.code.rawValue
        var status = csrs.mstatus
        if from != .machine && (csrs.medeleg >> cause) & 1 == 1 {
            csrs.sepc = trap.pc
            csrs.scause = cause
            csrs.stval = trap.value
            status = from == .supervisor ? status | MStatus.spp : status & ~MStatus.spp
            status = status & MStatus.sie != 0 ? status | MStatus.spie : status & ~MStatus.spie
            status &= ~MStatus.sie
            pc = csrs.stvec & ~3
            writeMStatus(status)
            setPrivilege(.supervisor)
        } else {
            csrs.mepc = trap.pc
            csrs.mcause = cause
            csrs.mtval = trap.value
            status = (status & ~MStatus.mpp) | (UInt64(from.rawValue) << MStatus.mppShift)
            status = status & MStatus.mie != 0 ? status | MStatus.mpie : status & ~MStatus.mpie
            status &= ~MStatus.mie
            pc = csrs.mtvec & ~3
            writeMStatus(status)
            setPrivilege(.machine)
        }
    }
}
