/// The execute loop: fetch a predecoded instruction, dispatch on its opcode, repeat.
///
/// This is THE HOT LOOP of tinyrv. Rules inside it: no allocation, no ARC traffic, no existentials,
/// no closures (except the tracer, in the traced copy only), no throwing. pc and the retired count
/// live in locals; everything rare (traps, CSRs, privileged instructions, atomics, floating-point
/// arithmetic, TLB misses, decoding) is an `@inline(never)` call, after which the loop reloads `pc`
/// from the hart. F/D loads, stores and moves run inline, like their integer counterparts.
///
/// The loop is generated twice from one body: `runFast` (no tracer) and `runTraced`.
/// It stops after exactly `limit` retired instructions, on a hosted trap, or on a tohost store.
extension Hart {
    @inline(never)
    func runFast(maxInstructions: UInt64) -> StopReason {
        executeLoop(limit: maxInstructions, traced: false)
    }

    @inline(never)
    func runTraced(maxInstructions: UInt64) -> StopReason {
        executeLoop(limit: maxInstructions, traced: true)
    }

    /// Reports a stop that retires the current instruction (a tohost store), or delivers `lastFault`.
    /// Returns true when the loop must stop.
    @inline(never)
    func storeDidNotComplete(next: UInt64) -> Bool {
        if let value = tohostWritten {
            tohostWritten = nil
            pc = next
            pendingStop = .tohost(value)
            return true
        }
        return deliver(lastFault)
    }

    @inline(__always)
    private func executeLoop(limit: UInt64, traced: Bool) -> StopReason {
        let x = registers
        var pc = self.pc
        var retired: UInt64 = 0
        var base = instructionsRetired
        execution: while true {
            if retired == limit {
                self.pc = pc
                instructionsRetired = base &+ retired
                return .budgetExhausted
            }
            if pc & TLB.pageMask != fetchPageVA && !refillFetchPage(pc) {
                if deliver(lastFault) { break execution }
                pc = self.pc
                continue execution
            }
            var d = fetchSlots[Int(truncatingIfNeeded: (pc & 0xfff) >> 1)]
            if d.op.rawValue < Opcode.firstExecutable.rawValue {
                guard let resolved = resolveSlot(pc) else {
                    if deliver(lastFault) { break execution }
                    pc = self.pc
                    continue execution
                }
                d = resolved
            }
            if traced, let tracer = instructionTracer { tracer(pc, d.bits) }
            var next = pc &+ d.length
            let rd = Int(truncatingIfNeeded: d.rd)
            let s1 = x[Int(truncatingIfNeeded: d.rs1)]
            let s2 = x[Int(truncatingIfNeeded: d.rs2)]
            let imm = d.imm
            switch d.op {
            case .lui: x[rd] = imm
            case .auipc: x[rd] = pc &+ imm
            case .jal: x[rd] = next; next = pc &+ imm
            case .jalr: let target = (s1 &+ imm) & ~1; x[rd] = next; next = target
            case .beq: if s1 == s2 { next = pc &+ imm }
            case .bne: if s1 != s2 { next = pc &+ imm }
            case .blt: if Int64(bitPattern: s1) < Int64(bitPattern: s2) { next = pc &+ imm }
            case .bge: if Int64(bitPattern: s1) >= Int64(bitPattern: s2) { next = pc &+ imm }
            case .bltu: if s1 < s2 { next = pc &+ imm }
            case .bgeu: if s1 >= s2 { next = pc &+ imm }
            case .lb, .lh, .lw, .ld, .lbu, .lhu, .lwu:
                let address = s1 &+ imm
                let value: UInt64?
                switch d.op {
                case .lb: value = load(Int8.self, address, pc: pc).map { UInt64(bitPattern: Int64($0)) }
                case .lh: value = load(Int16.self, address, pc: pc).map { UInt64(bitPattern: Int64($0)) }
                case .lw: value = load(Int32.self, address, pc: pc).map { UInt64(bitPattern: Int64($0)) }
                case .ld: value = load(UInt64.self, address, pc: pc)
                case .lbu: value = load(UInt8.self, address, pc: pc).map { UInt64($0) }
                case .lhu: value = load(UInt16.self, address, pc: pc).map { UInt64($0) }
                default: value = load(UInt32.self, address, pc: pc).map { UInt64($0) }
                }
                guard let value else {
                    if deliver(lastFault) { break execution }
                    pc = self.pc
                    continue execution
                }
                x[rd] = value
            case .sb, .sh, .sw, .sd:
                let address = s1 &+ imm
                let completed: Bool
                switch d.op {
                case .sb: completed = store(UInt8(truncatingIfNeeded: s2), address, pc: pc)
                case .sh: completed = store(UInt16(truncatingIfNeeded: s2), address, pc: pc)
                case .sw: completed = store(UInt32(truncatingIfNeeded: s2), address, pc: pc)
                default: completed = store(s2, address, pc: pc)
                }
                if !completed {
                    if storeDidNotComplete(next: next) {
                        if case .tohost = pendingStop { retired &+= 1 }
                        break execution
                    }
                    pc = self.pc
                    continue execution
                }
            case .addi: x[rd] = s1 &+ imm
            case .slti: x[rd] = Int64(bitPattern: s1) < Int64(bitPattern: imm) ? 1 : 0
            case .sltiu: x[rd] = s1 < imm ? 1 : 0
            case .xori: x[rd] = s1 ^ imm
            case .ori: x[rd] = s1 | imm
            case .andi: x[rd] = s1 & imm
            case .slli: x[rd] = s1 << imm
            case .srli: x[rd] = s1 >> imm
            case .srai: x[rd] = UInt64(bitPattern: Int64(bitPattern: s1) >> imm)
            case .add: x[rd] = s1 &+ s2
            case .sub: x[rd] = s1 &- s2
            case .sll: x[rd] = s1 << (s2 & 63)
            case .slt: x[rd] = Int64(bitPattern: s1) < Int64(bitPattern: s2) ? 1 : 0
            case .sltu: x[rd] = s1 < s2 ? 1 : 0
            case .xor: x[rd] = s1 ^ s2
            case .srl: x[rd] = s1 >> (s2 & 63)
            case .sra: x[rd] = UInt64(bitPattern: Int64(bitPattern: s1) >> (s2 & 63))
            case .or: x[rd] = s1 | s2
            case .and: x[rd] = s1 & s2
            case .addiw: x[rd] = signExtend32(s1 &+ imm)
            case .slliw: x[rd] = signExtend32(UInt32(truncatingIfNeeded: s1) << UInt32(imm))
            case .srliw: x[rd] = signExtend32(UInt32(truncatingIfNeeded: s1) >> UInt32(imm))
            case .sraiw: x[rd] = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: s1) >> Int32(imm)))
            case .addw: x[rd] = signExtend32(s1 &+ s2)
            case .subw: x[rd] = signExtend32(s1 &- s2)
            case .sllw: x[rd] = signExtend32(UInt32(truncatingIfNeeded: s1) << UInt32(s2 & 31))
            case .srlw: x[rd] = signExtend32(UInt32(truncatingIfNeeded: s1) >> UInt32(s2 & 31))
            case .sraw: x[rd] = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: s1) >> Int32(s2 & 31)))
            case .mul: x[rd] = s1 &* s2
            case .mulh: x[rd] = RV64M.mulh(s1, s2)
            case .mulhsu: x[rd] = RV64M.mulhsu(s1, s2)
            case .mulhu: x[rd] = RV64M.mulhu(s1, s2)
            case .div: x[rd] = RV64M.div(s1, s2)
            case .divu: x[rd] = RV64M.divu(s1, s2)
            case .rem: x[rd] = RV64M.rem(s1, s2)
            case .remu: x[rd] = RV64M.remu(s1, s2)
            case .mulw: x[rd] = signExtend32(s1 &* s2)
            case .divw: x[rd] = RV64M.divw(s1, s2)
            case .divuw: x[rd] = RV64M.divuw(s1, s2)
            case .remw: x[rd] = RV64M.remw(s1, s2)
            case .remuw: x[rd] = RV64M.remuw(s1, s2)
            case .flw, .fld:
                guard floatingPointEnabled else {
                    if deliver(Trap(.illegalInstruction, value: UInt64(d.bits), pc: pc)) { break execution }
                    pc = self.pc
                    continue execution
                }
                let address = s1 &+ imm
                let value = d.op == .flw ? load(UInt32.self, address, pc: pc).map(boxF32)
                                         : load(UInt64.self, address, pc: pc)
                guard let value else {
                    if deliver(lastFault) { break execution }
                    pc = self.pc
                    continue execution
                }
                floatRegisters[rd] = value
                markFloatingPointDirty()
            case .fsw, .fsd:
                guard floatingPointEnabled else {
                    if deliver(Trap(.illegalInstruction, value: UInt64(d.bits), pc: pc)) { break execution }
                    pc = self.pc
                    continue execution
                }
                let address = s1 &+ imm
                let value = floatRegisters[Int(truncatingIfNeeded: d.rs2)]
                let completed = d.op == .fsw ? store(UInt32(truncatingIfNeeded: value), address, pc: pc)
                                             : store(value, address, pc: pc)
                if !completed {
                    if storeDidNotComplete(next: next) {
                        if case .tohost = pendingStop { retired &+= 1 }
                        break execution
                    }
                    pc = self.pc
                    continue execution
                }
            case .fmvXW, .fmvXD, .fmvWX, .fmvDX:
                guard floatingPointEnabled else {
                    if deliver(Trap(.illegalInstruction, value: UInt64(d.bits), pc: pc)) { break execution }
                    pc = self.pc
                    continue execution
                }
                switch d.op {
                case .fmvXW: x[rd] = signExtend32(floatRegisters[Int(truncatingIfNeeded: d.rs1)])
                case .fmvXD: x[rd] = floatRegisters[Int(truncatingIfNeeded: d.rs1)]
                case .fmvWX: floatRegisters[rd] = boxF32(UInt32(truncatingIfNeeded: s1)); markFloatingPointDirty()
                default: floatRegisters[rd] = s1; markFloatingPointDirty()
                }
            case .floatingPoint:
                if !executeFloatingPoint(d, pc: pc) {
                    if deliver(lastFault) { break execution }
                    pc = self.pc
                    continue execution
                }
            case .fence: break
            case .fenceI: invalidateDecodedCode()
            case .atomic:
                if !executeAtomic(d, pc: pc) {
                    if deliver(lastFault) { break execution }
                    pc = self.pc
                    continue execution
                }
            case .csr:
                instructionsRetired = base &+ retired
                if !executeCSR(d, pc: pc) {
                    if deliver(lastFault) { break execution }
                    pc = self.pc
                    continue execution
                }
                base = instructionsRetired &- retired
            case .mret, .sret, .wfi, .sfenceVma:
                if !executePrivileged(d, pc: pc) {
                    if deliver(lastFault) { break execution }
                    pc = self.pc
                    continue execution
                }
                next = self.pc
            case .ecall:
                let code: ExceptionCode = currentPrivilege == .user ? .environmentCallFromU
                    : currentPrivilege == .supervisor ? .environmentCallFromS : .environmentCallFromM
                if deliver(Trap(code, pc: pc)) { break execution }
                pc = self.pc
                continue execution
            case .ebreak:
                if deliver(Trap(.breakpoint, value: pc, pc: pc)) { break execution }
                pc = self.pc
                continue execution
            case .illegal, .undecoded, .pageStraddle:
                if deliver(Trap(.illegalInstruction, value: UInt64(d.bits), pc: pc)) { break execution }
                pc = self.pc
                continue execution
            }
            pc = next
            retired &+= 1
        }
        instructionsRetired = base &+ retired
        return pendingStop
    }
}
