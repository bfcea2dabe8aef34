/// Zicsr: CSRRW, CSRRS, CSRRC and their immediate forms — encodings and behaviour.
///
/// Checks, each an illegal instruction (tval = the instruction bits):
/// - the CSR does not exist;
/// - the current privilege is below the CSR's (address bits 9:8);
/// - the instruction writes a read-only CSR (address bits 11:10 == 3). CSRRS/CSRRC with rs1 = x0
///   and CSRRSI/CSRRCI with uimm = 0 do not write, so they may read read-only CSRs;
/// - cycle/time/instret/hpmcounterN below M-mode without the mcounteren bit, or in U-mode without
///   the scounteren bit;
/// - fflags/frm/fcsr while mstatus.FS is Off;
/// - stimecmp in S-mode unless menvcfg.STCE and mcounteren.TM are set (Sstc);
/// - satp in S-mode while mstatus.TVM is set.
enum Zicsr {
    static func decode(_ bits: UInt32) -> DecodedInstruction {
        guard bits.funct3 != 4 else { return .illegal(bits) }
        return DecodedInstruction(op: .csr, rd: bits.rd, rs1: bits.rs1, rs2: 0, bits: bits, imm: UInt64(bits >> 20))
    }
}

extension Hart {
    /// Executes a Zicsr instruction. Returns false with `lastFault` set when it traps.
    /// Expects `instructionsRetired` to be current.
    @inline(never)
    func executeCSR(_ d: DecodedInstruction, pc: UInt64) -> Bool {
        let address = UInt16(d.bits >> 20)
        let funct3 = d.bits.funct3
        let operand = funct3 >= 5 ? UInt64(d.rs1) : registers[Int(d.rs1)]
        let writes = funct3 & 3 == 1 || d.rs1 != 0
        guard csrAccessAllowed(address, writes: writes), let old = csrValue(address) else {
            lastFault = Trap(.illegalInstruction, value: UInt64(d.bits), pc: pc)
            return false
        }
        if writes {
            switch funct3 & 3 {
            case 1: setCSRValue(address, operand, writerRetires: true)
            case 2: setCSRValue(address, old | operand, writerRetires: true)
            default: setCSRValue(address, old & ~operand, writerRetires: true)
            }
        }
        registers[Int(d.rd)] = old
        return true
    }

    /// The privilege, read-only, counter-enable and FS checks of a guest CSR access.
    func csrAccessAllowed(_ address: UInt16, writes: Bool) -> Bool {
        let privilege = UInt16(currentPrivilege.rawValue)
        if (address >> 8) & 3 > privilege { return false }
        if writes && address >> 10 == 3 { return false }
        if (0xC00...0xC1F).contains(address) {
            let bit: UInt64 = 1 << UInt64(address & 0x1f)
            if currentPrivilege != .machine && csrs.mcounteren & bit == 0 { return false }
            if currentPrivilege == .user && csrs.scounteren & bit == 0 { return false }
        }
        if address >= CSRAddress.fflags && address <= CSRAddress.fcsr && csrs.mstatus & MStatus.fs == 0 {
            return false
        }
        if address == CSRAddress.satp && currentPrivilege == .supervisor && csrs.mstatus & MStatus.tvm != 0 {
            return false
        }
        if address == CSRAddress.stimecmp && currentPrivilege == .supervisor
            && (!supervisorTimerCompareEnabled || csrs.mcounteren & 2 == 0) {
            return false
        }
        return true
    }
}
