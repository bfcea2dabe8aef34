import RISCV

extension Process {
    /// Instructions handed to one `hart.run` call when there is no tighter budget.
    static let runChunk: UInt64 = 1 << 40

    /// Starts the hart in U-mode at the entry point and runs the process until it exits, is
    /// killed or retires `maxInstructions` (nil: no limit). Flushes the trace sink at the end.
    ///
    /// The loop stays out of the hart's hot loop: it calls `hart.run` with the whole remaining
    /// budget and handles each trap it returns (`TrapHandling`). With a debugger attached, the
    /// budget is cut to its step or poll interval and the debugger gets the stops (`DebugSession`);
    /// it hears the outcome last.
    public func run(maxInstructions: UInt64? = nil) -> ExitOutcome {
        startHart()
        defer {
            hart.instructionTracer = nil
            traceSink.flush()
        }
        let outcome = runUntilExit(maxInstructions: maxInstructions)
        debugger?.exited(outcome)
        return outcome
    }

    /// `run`'s loop; a debugger (`DebugSession`) gets its stops between `hart.run` calls.
    private func runUntilExit(maxInstructions: UInt64?) -> ExitOutcome {
        if let kill = debugger?.start() { return .killed(.debugger, message: kill) }
        let start = hart.instructionsRetired
        while true {
            var chunk = Process.runChunk
            if let maxInstructions {
                let done = hart.instructionsRetired &- start
                if done >= maxInstructions { return .budgetExhausted }
                chunk = min(chunk, maxInstructions - done)
            }
            if let debugger { chunk = debugger.budget(upTo: chunk) }
            let stop = hart.run(maxInstructions: chunk)
            switch stop {
            case .budgetExhausted, .trigger:
                break
            case .tohost(let value):
                return .exited(code: Int64(value >> 1))
            case .trap(let trap):
                if let outcome = handle(trap) {
                    if case .killed(let reason, _) = outcome, reason != .debugger { debugger?.fatal(reason) }
                    return outcome
                }
            }
            if let kill = debugger?.ran(stop) { return .killed(.debugger, message: kill) }
        }
    }

    /// Puts the hart in the state a new process starts in: U-mode, Sv39 on this address space,
    /// pc at the entry, sp at argc, every other register zero, FP enabled (mstatus.FS = Initial),
    /// and the cycle, time and instret counters readable from U-mode, as Linux allows.
    func startHart() {
        for register in 1..<32 { hart.setRegister(register, 0) }
        hart.setRegister(2, initialStackPointer)
        hart.writeCSR(CSRAddress.satp, addressSpace.pageTable.satp)
        let mstatus = hart.readCSR(CSRAddress.mstatus)
        hart.writeCSR(CSRAddress.mstatus, (mstatus & ~(UInt64(3) << 13)) | (1 << 13))
        hart.writeCSR(CSRAddress.mcounteren, 0b111)
        hart.writeCSR(CSRAddress.scounteren, 0b111)
        hart.privilege = .user
        hart.pc = entry
        if trace.contains(.instructions) {
            let sink = traceSink
            hart.instructionTracer = { pc, bits in sink.write(InstructionTraceFormat.line(pc: pc, bits: bits)) }
        }
    }
}
