/// The execute loop: dispatch on predecoded instructions, in straight lines between branches.
///
/// This is THE HOT LOOP of tinyrv. Rules inside it: no allocation, no ARC traffic, no existentials,
/// no closures (except the tracer, in the precise copy only), no throwing. pc, the current slot and
/// the budget live in locals; everything rare (traps, CSRs, privileged instructions, fences, TLB
/// misses, misaligned accesses, FP operations the host shortcuts do not cover) leaves the straight
/// line for `executeCold`, an `@inline(never)` call after which the loop reloads `pc` from the
/// hart; decoding happens at block entry (`resolveSlot`).
///
/// The loop is generated twice from one body:
/// - `runFast` counts per block. Entering a block (after a jump, a branch, a cold path or the end
///   of a page) charges the budget with the whole block (`DecodedInstruction.blockLength`); inside
///   a block, an instruction only advances `pc` and the slot by a constant (compressed instructions
///   run as one-parcel forms), with no budget or page checks: the block ends before the page does,
///   and a `.pageEnd` sentinel follows each page's last slot. A
///   cold path first gives back what the block has not yet retired, so every count stays exact.
///   When the budget left is smaller than the block, `runFast` hands over to `runPrecise`.
/// - `runPrecise` enters a block at every instruction and charges it one: it calls the tracer,
///   stops at breakpoints (`Hart+Triggers`), and finishes the last few instructions of a budget.
extension Hart {
    /// How a copy of the loop ended.
    enum LoopExit {
        /// `run` is over.
        case stop(StopReason)
        /// The next block is longer than the `budget` left (`runFast` only).
        case budgetTail(UInt64)
    }

    @inline(never)
    func runFast(maxInstructions: UInt64) -> LoopExit {
        executeLoop(limit: maxInstructions, precise: false)
    }

    @inline(never)
    func runPrecise(maxInstructions: UInt64) -> LoopExit {
        executeLoop(limit: maxInstructions, precise: true)
    }

    @inline(__always)
    private func executeLoop(limit: UInt64, precise: Bool) -> LoopExit {
        let x = registers
        var pc = self.pc
        var remaining = limit
        var base = instructionsRetired
        var d = fetchSlots
        execution: while true {
            let outcome: ColdOutcome
            entry: do {
                if precise && breakpointFilter & (1 &<< ((pc &>> 1) & 63)) != 0 && isBreakpoint(pc) {
                    self.pc = pc
                    instructionsRetired = base &+ (limit &- remaining)
                    return .stop(.trigger(.breakpoint(pc: pc)))
                }
                // Block entry: make pc's page current, find its slot, charge the block.
                if let slot = chargeBlock(at: pc, precise: precise, budget: &remaining) {
                    d = slot
                } else {
                    // With no budget left, fetch nothing (a fetch could fault): go to the budget exit.
                    var charge: UInt64 = 1
                    if remaining != 0 {
                        if pc & TLB.pageMask != fetchPageVA && !refillFetchPage(pc) {
                            outcome = trapOutcome(lastFault)
                            break entry
                        }
                        d = fetchSlots + Int(truncatingIfNeeded: (pc & 0xfff) >> 1)
                        if d.pointee.op.rawValue < Opcode.firstExecutable.rawValue {
                            guard let resolved = resolveSlot(pc) else {
                                outcome = trapOutcome(lastFault)
                                break entry
                            }
                            d = resolved
                        }
                        charge = precise ? 1 : UInt64(d.pointee.blockLength)
                    }
                    if remaining < charge {
                        self.pc = pc
                        instructionsRetired = base &+ (limit &- remaining)
                        return precise ? .stop(.budgetExhausted) : .budgetTail(remaining)
                    }
                    remaining &-= charge
                }
                if precise, let tracer = instructionTracer { tracer(pc, d.pointee.bits) }

                straightLine: while true {
                    parcel: do {
                        switch d.pointee.op {
                        case .lui: SharedBody.lui(x, d)
                        case .auipc: x[d.rd] = pc &+ d.imm
                        case .jal:
                            x[d.rd] = pc &+ d.pointee.length
                            if branch(true, &pc, &d, &remaining, precise: precise) { continue straightLine }
                            continue execution
                        case .jalr:
                            let target = (x[d.rs1] &+ d.imm) & ~1
                            x[d.rd] = pc &+ d.pointee.length
                            pc = target
                            if !precise, let next = chargeBlock(at: pc, precise: false, budget: &remaining) { d = next; continue straightLine }
                            continue execution
                        case .beq:
                            if branch(x[d.rs1] == x[d.rs2], &pc, &d, &remaining, precise: precise) { continue straightLine }
                            continue execution
                        case .bne:
                            if branch(x[d.rs1] != x[d.rs2], &pc, &d, &remaining, precise: precise) { continue straightLine }
                            continue execution
                        case .blt:
                            let taken = Int64(bitPattern: x[d.rs1]) < Int64(bitPattern: x[d.rs2])
                            if branch(taken, &pc, &d, &remaining, precise: precise) { continue straightLine }
                            continue execution
                        case .bge:
                            let taken = Int64(bitPattern: x[d.rs1]) >= Int64(bitPattern: x[d.rs2])
                            if branch(taken, &pc, &d, &remaining, precise: precise) { continue straightLine }
                            continue execution
                        case .bltu:
                            if branch(x[d.rs1] < x[d.rs2], &pc, &d, &remaining, precise: precise) { continue straightLine }
                            continue execution
                        case .bgeu:
                            if branch(x[d.rs1] >= x[d.rs2], &pc, &d, &remaining, precise: precise) { continue straightLine }
                            continue execution
                        case .lb:
                            guard let v = loadIfCached(x[d.rs1] &+ d.imm, Int8.self) else { break straightLine }
                            x[d.rd] = UInt64(bitPattern: Int64(v))
                        case .lh:
                            guard let v = loadIfCached(x[d.rs1] &+ d.imm, Int16.self) else { break straightLine }
                            x[d.rd] = UInt64(bitPattern: Int64(v))
                        case .lw:
                            guard let v = loadIfCached(x[d.rs1] &+ d.imm, Int32.self) else { break straightLine }
                            x[d.rd] = UInt64(bitPattern: Int64(v))
                        case .ld:
                            guard let v = loadIfCached(x[d.rs1] &+ d.imm, UInt64.self) else { break straightLine }
                            x[d.rd] = v
                        case .lbu:
                            guard let v = loadIfCached(x[d.rs1] &+ d.imm, UInt8.self) else { break straightLine }
                            x[d.rd] = UInt64(v)
                        case .lhu:
                            guard let v = loadIfCached(x[d.rs1] &+ d.imm, UInt16.self) else { break straightLine }
                            x[d.rd] = UInt64(v)
                        case .lwu:
                            guard let v = loadIfCached(x[d.rs1] &+ d.imm, UInt32.self) else { break straightLine }
                            x[d.rd] = UInt64(v)
                        case .sb:
                            guard storeIfCached(UInt8(truncatingIfNeeded: x[d.rs2]), x[d.rs1] &+ d.imm) else { break straightLine }
                        case .sh:
                            guard storeIfCached(UInt16(truncatingIfNeeded: x[d.rs2]), x[d.rs1] &+ d.imm) else { break straightLine }
                        case .sw:
                            guard storeIfCached(UInt32(truncatingIfNeeded: x[d.rs2]), x[d.rs1] &+ d.imm) else { break straightLine }
                        case .sd:
                            guard storeIfCached(x[d.rs2], x[d.rs1] &+ d.imm) else { break straightLine }
                        case .addi: SharedBody.addi(x, d)
                        case .slti: x[d.rd] = Int64(bitPattern: x[d.rs1]) < Int64(bitPattern: d.imm) ? 1 : 0
                        case .sltiu: x[d.rd] = x[d.rs1] < d.imm ? 1 : 0
                        case .xori: x[d.rd] = x[d.rs1] ^ d.imm
                        case .ori: x[d.rd] = x[d.rs1] | d.imm
                        case .andi: SharedBody.andi(x, d)
                        case .slli: SharedBody.slli(x, d)
                        case .srli: SharedBody.srli(x, d)
                        case .srai: SharedBody.srai(x, d)
                        case .add: SharedBody.add(x, d)
                        case .sub: SharedBody.sub(x, d)
                        case .sll: x[d.rd] = x[d.rs1] &<< x[d.rs2]
                        case .slt: x[d.rd] = Int64(bitPattern: x[d.rs1]) < Int64(bitPattern: x[d.rs2]) ? 1 : 0
                        case .sltu: x[d.rd] = x[d.rs1] < x[d.rs2] ? 1 : 0
                        case .xor: SharedBody.xor(x, d)
                        case .srl: x[d.rd] = x[d.rs1] &>> x[d.rs2]
                        case .sra: x[d.rd] = UInt64(bitPattern: Int64(bitPattern: x[d.rs1]) &>> x[d.rs2])
                        case .or: SharedBody.or(x, d)
                        case .and: SharedBody.and(x, d)
                        case .addiw: SharedBody.addiw(x, d)
                        case .slliw: x[d.rd] = signExtend32(UInt32(truncatingIfNeeded: x[d.rs1]) &<< UInt32(truncatingIfNeeded: d.imm))
                        case .srliw: x[d.rd] = signExtend32(UInt32(truncatingIfNeeded: x[d.rs1]) &>> UInt32(truncatingIfNeeded: d.imm))
                        case .sraiw: x[d.rd] = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: x[d.rs1]) &>> Int32(truncatingIfNeeded: d.imm)))
                        case .addw: SharedBody.addw(x, d)
                        case .subw: SharedBody.subw(x, d)
                        case .sllw: x[d.rd] = signExtend32(UInt32(truncatingIfNeeded: x[d.rs1]) &<< UInt32(truncatingIfNeeded: x[d.rs2]))
                        case .srlw: x[d.rd] = signExtend32(UInt32(truncatingIfNeeded: x[d.rs1]) &>> UInt32(truncatingIfNeeded: x[d.rs2]))
                        case .sraw: x[d.rd] = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: x[d.rs1]) &>> Int32(truncatingIfNeeded: x[d.rs2])))
                        case .mul: x[d.rd] = x[d.rs1] &* x[d.rs2]
                        case .mulh: x[d.rd] = RV64M.mulh(x[d.rs1], x[d.rs2])
                        case .mulhsu: x[d.rd] = RV64M.mulhsu(x[d.rs1], x[d.rs2])
                        case .mulhu: x[d.rd] = RV64M.mulhu(x[d.rs1], x[d.rs2])
                        case .div: x[d.rd] = RV64M.div(x[d.rs1], x[d.rs2])
                        case .divu: x[d.rd] = RV64M.divu(x[d.rs1], x[d.rs2])
                        case .rem: x[d.rd] = RV64M.rem(x[d.rs1], x[d.rs2])
                        case .remu: x[d.rd] = RV64M.remu(x[d.rs1], x[d.rs2])
                        case .mulw: x[d.rd] = signExtend32(x[d.rs1] &* x[d.rs2])
                        case .divw: x[d.rd] = RV64M.divw(x[d.rs1], x[d.rs2])
                        case .divuw: x[d.rd] = RV64M.divuw(x[d.rs1], x[d.rs2])
                        case .remw: x[d.rd] = RV64M.remw(x[d.rs1], x[d.rs2])
                        case .remuw: x[d.rd] = RV64M.remuw(x[d.rs1], x[d.rs2])
                        case .addUw: x[d.rd] = BitManipulation.zeroExtendWord(x[d.rs1]) &+ x[d.rs2]
                        case .sh1add: x[d.rd] = (x[d.rs1] &<< 1) &+ x[d.rs2]
                        case .sh2add: x[d.rd] = (x[d.rs1] &<< 2) &+ x[d.rs2]
                        case .sh3add: x[d.rd] = (x[d.rs1] &<< 3) &+ x[d.rs2]
                        case .sh1addUw: x[d.rd] = (BitManipulation.zeroExtendWord(x[d.rs1]) &<< 1) &+ x[d.rs2]
                        case .sh2addUw: x[d.rd] = (BitManipulation.zeroExtendWord(x[d.rs1]) &<< 2) &+ x[d.rs2]
                        case .sh3addUw: x[d.rd] = (BitManipulation.zeroExtendWord(x[d.rs1]) &<< 3) &+ x[d.rs2]
                        case .slliUw: x[d.rd] = BitManipulation.zeroExtendWord(x[d.rs1]) &<< d.imm
                        case .andn: x[d.rd] = x[d.rs1] & ~x[d.rs2]
                        case .orn: x[d.rd] = x[d.rs1] | ~x[d.rs2]
                        case .xnor: x[d.rd] = ~(x[d.rs1] ^ x[d.rs2])
                        case .clz: x[d.rd] = UInt64(x[d.rs1].leadingZeroBitCount)
                        case .ctz: x[d.rd] = UInt64(x[d.rs1].trailingZeroBitCount)
                        case .cpop: x[d.rd] = UInt64(x[d.rs1].nonzeroBitCount)
                        case .clzw: x[d.rd] = UInt64(UInt32(truncatingIfNeeded: x[d.rs1]).leadingZeroBitCount)
                        case .ctzw: x[d.rd] = UInt64(UInt32(truncatingIfNeeded: x[d.rs1]).trailingZeroBitCount)
                        case .cpopw: x[d.rd] = UInt64(UInt32(truncatingIfNeeded: x[d.rs1]).nonzeroBitCount)
                        case .sextB: x[d.rd] = UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: x[d.rs1])))
                        case .sextH: x[d.rd] = UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: x[d.rs1])))
                        case .zextH: x[d.rd] = x[d.rs1] & 0xffff
                        case .min: x[d.rd] = Int64(bitPattern: x[d.rs1]) < Int64(bitPattern: x[d.rs2]) ? x[d.rs1] : x[d.rs2]
                        case .minu: x[d.rd] = Swift.min(x[d.rs1], x[d.rs2])
                        case .max: x[d.rd] = Int64(bitPattern: x[d.rs1]) < Int64(bitPattern: x[d.rs2]) ? x[d.rs2] : x[d.rs1]
                        case .maxu: x[d.rd] = Swift.max(x[d.rs1], x[d.rs2])
                        case .rol: x[d.rd] = BitManipulation.rotateLeft(x[d.rs1], x[d.rs2])
                        case .ror: x[d.rd] = BitManipulation.rotateRight(x[d.rs1], x[d.rs2])
                        case .rori: x[d.rd] = BitManipulation.rotateRight(x[d.rs1], d.imm)
                        case .rolw: x[d.rd] = BitManipulation.rotateLeftWord(x[d.rs1], x[d.rs2])
                        case .rorw: x[d.rd] = BitManipulation.rotateRightWord(x[d.rs1], x[d.rs2])
                        case .roriw: x[d.rd] = BitManipulation.rotateRightWord(x[d.rs1], d.imm)
                        case .orcB: x[d.rd] = BitManipulation.orCombineBytes(x[d.rs1])
                        case .rev8: x[d.rd] = x[d.rs1].byteSwapped
                        case .bclr: x[d.rd] = x[d.rs1] & ~BitManipulation.bit(x[d.rs2])
                        case .bext: x[d.rd] = (x[d.rs1] &>> x[d.rs2]) & 1
                        case .binv: x[d.rd] = x[d.rs1] ^ BitManipulation.bit(x[d.rs2])
                        case .bset: x[d.rd] = x[d.rs1] | BitManipulation.bit(x[d.rs2])
                        case .bclri: x[d.rd] = x[d.rs1] & ~BitManipulation.bit(d.imm)
                        case .bexti: x[d.rd] = (x[d.rs1] &>> d.imm) & 1
                        case .binvi: x[d.rd] = x[d.rs1] ^ BitManipulation.bit(d.imm)
                        case .bseti: x[d.rd] = x[d.rs1] | BitManipulation.bit(d.imm)
                        case .clmul: x[d.rd] = BitManipulation.carrylessMultiply(x[d.rs1], x[d.rs2])
                        case .clmulr: x[d.rd] = BitManipulation.carrylessMultiplyReversed(x[d.rs1], x[d.rs2])
                        case .clmulh: x[d.rd] = BitManipulation.carrylessMultiplyHigh(x[d.rs1], x[d.rs2])
                        case .czeroEqz: x[d.rd] = x[d.rs2] == 0 ? 0 : x[d.rs1]
                        case .czeroNez: x[d.rd] = x[d.rs2] != 0 ? 0 : x[d.rs1]
                        case .flw:
                            guard floatingPointEnabled, let v = loadIfCached(x[d.rs1] &+ d.imm, UInt32.self) else { break straightLine }
                            floatRegisters[d.rd] = boxF32(v)
                            markFloatingPointDirty()
                        case .fld:
                            guard floatingPointEnabled, let v = loadIfCached(x[d.rs1] &+ d.imm, UInt64.self) else { break straightLine }
                            floatRegisters[d.rd] = v
                            markFloatingPointDirty()
                        case .fsw:
                            guard floatingPointEnabled,
                                  storeIfCached(UInt32(truncatingIfNeeded: floatRegisters[d.rs2]), x[d.rs1] &+ d.imm) else { break straightLine }
                        case .fsd:
                            guard floatingPointEnabled, storeIfCached(floatRegisters[d.rs2], x[d.rs1] &+ d.imm) else { break straightLine }
                        case .fmvXW:
                            guard floatingPointEnabled else { break straightLine }
                            x[d.rd] = signExtend32(floatRegisters[d.rs1])
                        case .fmvXD:
                            guard floatingPointEnabled else { break straightLine }
                            x[d.rd] = floatRegisters[d.rs1]
                        case .fmvWX:
                            guard floatingPointEnabled else { break straightLine }
                            floatRegisters[d.rd] = boxF32(UInt32(truncatingIfNeeded: x[d.rs1]))
                            markFloatingPointDirty()
                        case .fmvDX:
                            guard floatingPointEnabled else { break straightLine }
                            floatRegisters[d.rd] = x[d.rs1]
                            markFloatingPointDirty()
                        // The one-parcel forms (see `Opcode`): the bodies of the base cases above (`SharedBody`).
                        case .cAddi: SharedBody.addi(x, d); break parcel
                        case .cAddiw: SharedBody.addiw(x, d); break parcel
                        case .cLui: SharedBody.lui(x, d); break parcel
                        case .cAndi: SharedBody.andi(x, d); break parcel
                        case .cSlli: SharedBody.slli(x, d); break parcel
                        case .cSrli: SharedBody.srli(x, d); break parcel
                        case .cSrai: SharedBody.srai(x, d); break parcel
                        case .cAdd: SharedBody.add(x, d); break parcel
                        case .cSub: SharedBody.sub(x, d); break parcel
                        case .cXor: SharedBody.xor(x, d); break parcel
                        case .cOr: SharedBody.or(x, d); break parcel
                        case .cAnd: SharedBody.and(x, d); break parcel
                        case .cAddw: SharedBody.addw(x, d); break parcel
                        case .cSubw: SharedBody.subw(x, d); break parcel
                        case .cLw:
                            guard let v = loadIfCached(x[d.rs1] &+ d.imm, Int32.self) else { break straightLine }
                            x[d.rd] = UInt64(bitPattern: Int64(v))
                            break parcel
                        case .cLd:
                            guard let v = loadIfCached(x[d.rs1] &+ d.imm, UInt64.self) else { break straightLine }
                            x[d.rd] = v
                            break parcel
                        case .cSw:
                            guard storeIfCached(UInt32(truncatingIfNeeded: x[d.rs2]), x[d.rs1] &+ d.imm) else { break straightLine }
                            break parcel
                        case .cSd:
                            guard storeIfCached(x[d.rs2], x[d.rs1] &+ d.imm) else { break straightLine }
                            break parcel
                        case .cFld:
                            guard floatingPointEnabled, let v = loadIfCached(x[d.rs1] &+ d.imm, UInt64.self) else { break straightLine }
                            floatRegisters[d.rd] = v
                            markFloatingPointDirty()
                            break parcel
                        case .cFsd:
                            guard floatingPointEnabled, storeIfCached(floatRegisters[d.rs2], x[d.rs1] &+ d.imm) else { break straightLine }
                            break parcel
                        case .undecoded, .pageStraddle, .pageEnd:
                            // Left the decoded straight line (the page's end, or a slot its block
                            // stopped before): enter the next block at pc.
                            continue execution
                        case .faddS: guard arithmeticShortcut(d, ShortcutAdd.self, UInt32.self) else { break straightLine }
                        case .fsubS: guard arithmeticShortcut(d, ShortcutSubtract.self, UInt32.self) else { break straightLine }
                        case .fmulS: guard arithmeticShortcut(d, ShortcutMultiply.self, UInt32.self) else { break straightLine }
                        case .fdivS: guard arithmeticShortcut(d, ShortcutDivide.self, UInt32.self) else { break straightLine }
                        case .faddD: guard arithmeticShortcut(d, ShortcutAdd.self, UInt64.self) else { break straightLine }
                        case .fsubD: guard arithmeticShortcut(d, ShortcutSubtract.self, UInt64.self) else { break straightLine }
                        case .fmulD: guard arithmeticShortcut(d, ShortcutMultiply.self, UInt64.self) else { break straightLine }
                        case .fdivD: guard arithmeticShortcut(d, ShortcutDivide.self, UInt64.self) else { break straightLine }
                        case .floatingPoint:
                            // A failed call changed nothing; the cold path runs it again to deliver the trap.
                            guard executeFloatingPoint(d.pointee, pc: pc) else { break straightLine }
                        case .atomic:
                            guard executeAtomic(d.pointee, pc: pc) else { break straightLine }
                        case .illegal, .fence, .fenceI, .csr,
                             .mret, .sret, .wfi, .sfenceVma, .ecall, .ebreak:
                            break straightLine
                        }
                        // 32-bit instructions step by two slots here, the one-parcel forms by one slot
                        // below the `parcel` block: a constant step keeps the load of one slot off the critical path of
                        // finding the next, and gives each case its own dispatch.
                        pc = pc &+ 4
                        if precise { continue execution }
                        d += 2
                        continue straightLine
                    }
                    // The one-parcel forms `break parcel` to here.
                    pc = pc &+ 2
                    if precise { continue execution }
                    d += 1
                }

                // Cold: give back the part of the block that has not retired, this instruction
                // included, then let the cold path finish the instruction.
                remaining &+= precise ? 1 : UInt64(d.pointee.blockLength)
                instructionsRetired = base &+ (limit &- remaining)
                outcome = executeCold(d, pc: pc)
                base = instructionsRetired &- (limit &- remaining)
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
        return .stop(pendingStop)
    }

    /// The slot of the block at `pc`, charged to `budget` (one instruction when `precise`, else
    /// the whole block), when pc is on the current code page, its slot is decoded and the charge
    /// fits; nil, with nothing charged, otherwise (the loop then enters the block the slow way).
    @inline(__always)
    private func chargeBlock(at pc: UInt64, precise: Bool,
                             budget: inout UInt64) -> UnsafeMutablePointer<DecodedInstruction>? {
        guard _fastPath(pc & TLB.pageMask == fetchPageVA) else { return nil }
        let slot = fetchSlots + Int(truncatingIfNeeded: (pc & 0xfff) >> 1)
        let charge = precise ? 1 : UInt64(slot.pointee.blockLength)
        guard _fastPath(slot.pointee.op.rawValue >= Opcode.firstExecutable.rawValue && budget >= charge) else { return nil }
        budget &-= charge
        return slot
    }

    /// Moves `pc` past a jal or branch (to its target when `taken`) and, in `runFast`, when the
    /// next block is on this page, decoded and fits in `budget`, charges it and makes `slot` its
    /// first slot. Returns false when the loop must enter the block at `pc` the slow way.
    @inline(__always)
    private func branch(_ taken: Bool, _ pc: inout UInt64, _ slot: inout UnsafeMutablePointer<DecodedInstruction>,
                        _ budget: inout UInt64, precise: Bool) -> Bool {
        let next: UnsafeMutablePointer<DecodedInstruction>
        if taken {
            pc = pc &+ slot.imm
            guard !precise && slot.pointee.targetOnPage else { return false }
            next = slot.target
        } else {
            guard !precise else {
                pc = pc &+ slot.pointee.length
                return false
            }
            if slot.pointee.byteLength == 4 {
                pc = pc &+ 4
                next = slot + 2
            } else {
                pc = pc &+ 2
                next = slot + 1
            }
        }
        let charge = UInt64(next.pointee.blockLength)
        guard _fastPath(next.pointee.op.rawValue >= Opcode.firstExecutable.rawValue && budget >= charge) else { return false }
        budget &-= charge
        slot = next
        return true
    }
}
