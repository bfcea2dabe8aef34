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

    @inline(__always)
    private func executeLoop(limit: UInt64, traced: Bool) -> StopReason {
        let x = registers
        var pc = self.pc
        var remaining = limit
        var base = instructionsRetired
        execution: while true {
            let outcome: ColdOutcome
            step: do {
                if _slowPath(remaining == 0) {
                    self.pc = pc
                    instructionsRetired = base &+ limit
                    return .budgetExhausted
                }
                if _slowPath(pc & TLB.pageMask != fetchPageVA) && !refillFetchPage(pc) {
                    outcome = trapOutcome(lastFault)
                    break step
                }
                var slot = fetchSlots + Int(truncatingIfNeeded: (pc & 0xfff) >> 1)
                if _slowPath(slot.pointee.op.rawValue < Opcode.firstExecutable.rawValue) {
                    guard let resolved = resolveSlot(pc) else {
                        outcome = trapOutcome(lastFault)
                        break step
                    }
                    slot = resolved
                }
                let d = slot.pointee
                if traced, let tracer = instructionTracer { tracer(pc, d.bits) }
                let rd = Int(truncatingIfNeeded: d.rd)
                let s1 = x[Int(truncatingIfNeeded: d.rs1)]
                let s2 = x[Int(truncatingIfNeeded: d.rs2)]
                let imm = d.imm
                switch d.op {
                case .lui: x[rd] = imm
                case .auipc: x[rd] = pc &+ imm
                case .jal:
                    x[rd] = pc &+ d.length
                    pc = pc &+ imm
                    remaining &-= 1
                    continue execution
                case .jalr:
                    let target = (s1 &+ imm) & ~1
                    x[rd] = pc &+ d.length
                    pc = target
                    remaining &-= 1
                    continue execution
                case .beq: if s1 == s2 { pc = pc &+ imm; remaining &-= 1; continue execution }
                case .bne: if s1 != s2 { pc = pc &+ imm; remaining &-= 1; continue execution }
                case .blt:
                    if Int64(bitPattern: s1) < Int64(bitPattern: s2) { pc = pc &+ imm; remaining &-= 1; continue execution }
                case .bge:
                    if Int64(bitPattern: s1) >= Int64(bitPattern: s2) { pc = pc &+ imm; remaining &-= 1; continue execution }
                case .bltu: if s1 < s2 { pc = pc &+ imm; remaining &-= 1; continue execution }
                case .bgeu: if s1 >= s2 { pc = pc &+ imm; remaining &-= 1; continue execution }
                case .lb:
                    guard let p = readHost(s1 &+ imm, Int8.self) else { outcome = loadMiss(d, s1 &+ imm, pc: pc); break step }
                    x[rd] = UInt64(bitPattern: Int64(p.load(as: Int8.self)))
                case .lh:
                    guard let p = readHost(s1 &+ imm, Int16.self) else { outcome = loadMiss(d, s1 &+ imm, pc: pc); break step }
                    x[rd] = UInt64(bitPattern: Int64(Int16(littleEndian: p.load(as: Int16.self))))
                case .lw:
                    guard let p = readHost(s1 &+ imm, Int32.self) else { outcome = loadMiss(d, s1 &+ imm, pc: pc); break step }
                    x[rd] = UInt64(bitPattern: Int64(Int32(littleEndian: p.load(as: Int32.self))))
                case .ld:
                    guard let p = readHost(s1 &+ imm, UInt64.self) else { outcome = loadMiss(d, s1 &+ imm, pc: pc); break step }
                    x[rd] = UInt64(littleEndian: p.load(as: UInt64.self))
                case .lbu:
                    guard let p = readHost(s1 &+ imm, UInt8.self) else { outcome = loadMiss(d, s1 &+ imm, pc: pc); break step }
                    x[rd] = UInt64(p.load(as: UInt8.self))
                case .lhu:
                    guard let p = readHost(s1 &+ imm, UInt16.self) else { outcome = loadMiss(d, s1 &+ imm, pc: pc); break step }
                    x[rd] = UInt64(UInt16(littleEndian: p.load(as: UInt16.self)))
                case .lwu:
                    guard let p = readHost(s1 &+ imm, UInt32.self) else { outcome = loadMiss(d, s1 &+ imm, pc: pc); break step }
                    x[rd] = UInt64(UInt32(littleEndian: p.load(as: UInt32.self)))
                case .sb:
                    guard let p = writeHost(s1 &+ imm, UInt8.self) else { outcome = storeMiss(d, s2, s1 &+ imm, pc: pc); break step }
                    p.storeBytes(of: UInt8(truncatingIfNeeded: s2), as: UInt8.self)
                case .sh:
                    guard let p = writeHost(s1 &+ imm, UInt16.self) else { outcome = storeMiss(d, s2, s1 &+ imm, pc: pc); break step }
                    p.storeBytes(of: UInt16(truncatingIfNeeded: s2).littleEndian, as: UInt16.self)
                case .sw:
                    guard let p = writeHost(s1 &+ imm, UInt32.self) else { outcome = storeMiss(d, s2, s1 &+ imm, pc: pc); break step }
                    p.storeBytes(of: UInt32(truncatingIfNeeded: s2).littleEndian, as: UInt32.self)
                case .sd:
                    guard let p = writeHost(s1 &+ imm, UInt64.self) else { outcome = storeMiss(d, s2, s1 &+ imm, pc: pc); break step }
                    p.storeBytes(of: s2.littleEndian, as: UInt64.self)
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
                        outcome = trapOutcome(Trap(.illegalInstruction, value: UInt64(d.bits), pc: pc))
                        break step
                    }
                    if d.op == .flw {
                        guard let p = readHost(s1 &+ imm, UInt32.self) else { outcome = loadMiss(d, s1 &+ imm, pc: pc); break step }
                        floatRegisters[rd] = boxF32(UInt32(littleEndian: p.load(as: UInt32.self)))
                    } else {
                        guard let p = readHost(s1 &+ imm, UInt64.self) else { outcome = loadMiss(d, s1 &+ imm, pc: pc); break step }
                        floatRegisters[rd] = UInt64(littleEndian: p.load(as: UInt64.self))
                    }
                    self.pc = pc &+ d.length
                    markFloatingPointDirty()
                    outcome = .retired
                    break step
                case .fsw, .fsd:
                    guard floatingPointEnabled else {
                        outcome = trapOutcome(Trap(.illegalInstruction, value: UInt64(d.bits), pc: pc))
                        break step
                    }
                    let value = floatRegisters[Int(truncatingIfNeeded: d.rs2)]
                    if d.op == .fsw {
                        guard let p = writeHost(s1 &+ imm, UInt32.self) else { outcome = storeMiss(d, value, s1 &+ imm, pc: pc); break step }
                        p.storeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian, as: UInt32.self)
                    } else {
                        guard let p = writeHost(s1 &+ imm, UInt64.self) else { outcome = storeMiss(d, value, s1 &+ imm, pc: pc); break step }
                        p.storeBytes(of: value.littleEndian, as: UInt64.self)
                    }
                case .fmvXW, .fmvXD, .fmvWX, .fmvDX:
                    guard floatingPointEnabled else {
                        outcome = trapOutcome(Trap(.illegalInstruction, value: UInt64(d.bits), pc: pc))
                        break step
                    }
                    switch d.op {
                    case .fmvXW: x[rd] = signExtend32(floatRegisters[Int(truncatingIfNeeded: d.rs1)])
                    case .fmvXD: x[rd] = floatRegisters[Int(truncatingIfNeeded: d.rs1)]
                    case .fmvWX: floatRegisters[rd] = boxF32(UInt32(truncatingIfNeeded: s1))
                    default: floatRegisters[rd] = s1
                    }
                    if d.op == .fmvWX || d.op == .fmvDX {
                        self.pc = pc &+ d.length
                        markFloatingPointDirty()
                        outcome = .retired
                        break step
                    }
                case .floatingPoint:
                    self.pc = pc &+ d.length
                    outcome = executorOutcome(executeFloatingPoint(d, pc: pc))
                    break step
                case .fence: break
                case .fenceI:
                    self.pc = pc &+ d.length
                    invalidateDecodedCode()
                    outcome = .retired
                    break step
                case .atomic:
                    self.pc = pc &+ d.length
                    outcome = executorOutcome(executeAtomic(d, pc: pc))
                    break step
                case .csr:
                    let done = limit &- remaining
                    instructionsRetired = base &+ done
                    self.pc = pc &+ d.length
                    outcome = executorOutcome(executeCSR(d, pc: pc))
                    base = instructionsRetired &- done
                    break step
                case .mret, .sret, .wfi, .sfenceVma:
                    outcome = executorOutcome(executePrivileged(d, pc: pc))
                    break step
                case .ecall:
                    let code: ExceptionCode = currentPrivilege == .user ? .environmentCallFromU
                        : currentPrivilege == .supervisor ? .environmentCallFromS : .environmentCallFromM
                    outcome = trapOutcome(Trap(code, pc: pc))
                    break step
                case .ebreak:
                    outcome = trapOutcome(Trap(.breakpoint, value: pc, pc: pc))
                    break step
                case .illegal, .undecoded, .pageStraddle:
                    outcome = trapOutcome(Trap(.illegalInstruction, value: UInt64(d.bits), pc: pc))
                    break step
                }
                pc = pc &+ d.length
                remaining &-= 1
                continue execution
            }
            switch outcome {
            case .retired:
                remaining &-= 1
                pc = self.pc
            case .trapped:
                pc = self.pc
            case .stopRetired:
                remaining &-= 1
                break execution
            case .stopTrapped:
                break execution
            }
        }
        instructionsRetired = base &+ (limit &- remaining)
        return pendingStop
    }
}
