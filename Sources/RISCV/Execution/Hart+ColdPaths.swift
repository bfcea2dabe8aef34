/// The cold paths of the execute loop: everything that leaves the loop's registers behind.
///
/// A cold path finishes the instruction it was called for, then says how the loop goes on as a
/// `ColdOutcome`. It sets `pc` itself: the next pc when the instruction retired, the handler
/// (architectural delivery) or the trapping pc (hosted delivery) when it trapped. So the loop keeps
/// nothing live across these calls but the hart and its budget, which keeps its own state in
/// registers on the fast path.
enum ColdOutcome {
    /// The instruction retired; go on at `pc`.
    case retired
    /// The instruction trapped into a handler; go on at `pc` (it did not retire).
    case trapped
    /// The instruction retired and `run` must stop with `pendingStop` (a tohost store, a watchpoint).
    case stopRetired
    /// The instruction did not retire (it trapped, or a wfi found nothing that could wake the
    /// hart) and `run` must stop with `pendingStop`.
    case stopTrapped
}

extension Hart {
    /// Finishes the instruction in `slot` at `pc` that the loop's straight line leaves to a cold
    /// path: a load or store whose TLB lookup missed or was misaligned, a floating-point transfer
    /// with FS off, FP arithmetic without a host shortcut (or that traps), fence and fence.i, an
    /// atomic that traps, a CSR access, a privileged instruction, an environment call or
    /// breakpoint, or an illegal instruction. A one-parcel form is finished as its base
    /// operation. The loop has stored the instructions retired so far in `instructionsRetired`
    /// (which a CSR instruction may read or write). An instruction that retires after an access
    /// matched a watchpoint stops `run` with the hit. An interrupt that became due meanwhile (a CSR
    /// write, an xRET, a wfi, a CLINT store) is taken after the instruction: its handler becomes `pc`.
    @inline(never)
    func executeCold(_ slot: UnsafeMutablePointer<DecodedInstruction>, pc: UInt64) -> ColdOutcome {
        coldPathsTaken &+= 1
        let outcome = finishCold(slot, pc: pc)
        if _slowPath(watchpointsArmed), let hit = takeTriggerHit(), outcome == .retired {
            pendingStop = .trigger(hit)
            return .stopRetired
        }
        if csrs.mie != 0, outcome == .retired || outcome == .trapped { _ = takeInterruptIfDue() }
        return outcome
    }

    /// `executeCold`'s work, without the watchpoint and interrupt checks: finishes the instruction
    /// and says how the loop goes on.
    private func finishCold(_ slot: UnsafeMutablePointer<DecodedInstruction>, pc: UInt64) -> ColdOutcome {
        var d = slot.pointee
        d.op = d.op.baseForm
        let next = pc &+ d.length
        let address = registers[Int(d.rs1)] &+ d.imm
        switch d.op {
        case .lb, .lh, .lw, .ld, .lbu, .lhu, .lwu:
            return loadMiss(d, address, pc: pc)
        case .sb, .sh, .sw, .sd:
            return storeMiss(d, registers[Int(d.rs2)], address, pc: pc)
        case .flw, .fld, .fsw, .fsd, .fmvXW, .fmvXD, .fmvWX, .fmvDX:
            guard floatingPointEnabled else {
                return trapOutcome(Trap(.illegalInstruction, value: UInt64(d.bits), pc: pc))
            }
            precondition(d.op != .fmvXW && d.op != .fmvXD && d.op != .fmvWX && d.op != .fmvDX,
                         "an enabled FP move never leaves the straight line")
            if d.op == .fsw || d.op == .fsd {
                return storeMiss(d, floatRegisters[Int(d.rs2)], address, pc: pc)
            }
            return loadMiss(d, address, pc: pc)
        case .floatingPoint, .faddS, .fsubS, .fmulS, .fdivS, .faddD, .fsubD, .fmulD, .fdivD:
            self.pc = next
            return executorOutcome(executeFloatingPoint(d, pc: pc))
        case .fence:
            self.pc = next
            return .retired
        case .fenceI:
            self.pc = next
            invalidateDecodedCode()
            return .retired
        case .atomic:
            self.pc = next
            return executorOutcome(executeAtomic(d, pc: pc, cold: true))
        case .csr:
            self.pc = next
            return executorOutcome(executeCSR(d, pc: pc))
        case .wfi:
            let legal = currentPrivilege == .machine || (currentPrivilege == .supervisor && csrs.mstatus & MStatus.tw == 0)
            if delivery == .architectural && legal && !waitForInterrupt() {
                waitsForever = true
                pendingStop = .budgetExhausted
                self.pc = pc
                return .stopTrapped
            }
            return executorOutcome(executePrivileged(d, pc: pc))
        case .mret, .sret, .sfenceVma:
            return executorOutcome(executePrivileged(d, pc: pc))
        case .ecall:
            let code: ExceptionCode = currentPrivilege == .user ? .environmentCallFromU
                : currentPrivilege == .supervisor ? .environmentCallFromS : .environmentCallFromM
            return trapOutcome(Trap(code, pc: pc))
        case .ebreak:
            return trapOutcome(Trap(.breakpoint, value: pc, pc: pc))
        default:
            precondition(d.op.rawValue >= Opcode.firstExecutable.rawValue, "executing a slot that holds no instruction")
            return trapOutcome(Trap(.illegalInstruction, value: UInt64(d.bits), pc: pc))
        }
    }

    /// Delivers `trap` (see `deliver`) as a loop outcome.
    @inline(never)
    func trapOutcome(_ trap: Trap) -> ColdOutcome {
        deliver(trap) ? .stopTrapped : .trapped
    }

    /// The outcome of an executor that returned `completed`, having set `pc` when it completed,
    /// or `lastFault` when it did not.
    @inline(__always)
    func executorOutcome(_ completed: Bool) -> ColdOutcome {
        completed ? .retired : trapOutcome(lastFault)
    }

    /// Finishes a load (integer or flw/fld) at `address` whose TLB lookup missed or was misaligned:
    /// loads through the slow path and writes the destination, or delivers the fault.
    @inline(never)
    func loadMiss(_ d: DecodedInstruction, _ address: UInt64, pc: UInt64) -> ColdOutcome {
        guard let size = d.op.accessWidth else { preconditionFailure("\(d.op) is not a load") }
        guard let raw = loadSlow(address, size: size, pc: pc) else { return trapOutcome(lastFault) }
        let rd = Int(d.rd)
        switch d.op {
        case .lb: registers[rd] = UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: raw)))
        case .lh: registers[rd] = UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: raw)))
        case .lw: registers[rd] = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: raw)))
        case .flw: floatRegisters[rd] = boxF32(UInt32(truncatingIfNeeded: raw)); markFloatingPointDirty()
        case .fld: floatRegisters[rd] = raw; markFloatingPointDirty()
        default: registers[rd] = raw
        }
        self.pc = pc &+ d.length
        return .retired
    }

    /// Finishes a store (integer or fsw/fsd) of `value` at `address` whose TLB lookup missed or was
    /// misaligned: stores through the slow path, stopping on a tohost store or delivering the fault.
    @inline(never)
    func storeMiss(_ d: DecodedInstruction, _ value: UInt64, _ address: UInt64, pc: UInt64) -> ColdOutcome {
        guard let size = d.op.accessWidth else { preconditionFailure("\(d.op) is not a store") }
        let next = pc &+ d.length
        if storeSlow(value, address, size: size, pc: pc) {
            self.pc = next
            return .retired
        }
        if let value = tohostWritten {
            tohostWritten = nil
            self.pc = next
            pendingStop = .tohost(value)
            return .stopRetired
        }
        return trapOutcome(lastFault)
    }
}
