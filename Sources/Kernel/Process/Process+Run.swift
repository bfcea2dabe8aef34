import RISCV

extension Process {
    /// Instructions handed to one `hart.run` call when there is no tighter budget.
    static let runChunk: UInt64 = 1 << 40

    /// Starts the hart in U-mode at the entry point and runs the process until it exits, is
    /// killed or retires `maxInstructions` (nil: no limit). Flushes the trace sink at the end.
    ///
    /// The loop stays out of the hart's hot loop: it calls `hart.run` with the whole remaining
    /// budget and handles each trap it returns (`TrapHandling`).
    public func run(maxInstructions: UInt64? = nil) -> ExitOutcome {
        startHart()
        defer {
            hart.instructionTracer = nil
            traceSink.flush()
        }
        let start = hart.instructionsRetired
        while true {
            var chunk = Process.runChunk
            if let maxInstructions {
                let done = hart.instructionsRetired &- start
                if done >= maxInstructions { return .budgetExhausted }
                chunk = min(chunk, maxInstructions - done)
            }
            switch hart.run(maxInstructions: chunk) {
            case .budgetExhausted:
                continue
            case .tohost(let value):
                return .exited(code: Int64(value >> 1))
            case .trap(let trap):
                if let outcome = handle(trap) { return outcome }
            }
        }
    }

    /// Puts the hart in the state a new process starts in: U-mode, Sv39 on this address space,
    /// pc at the entry, sp at argc, every other register zero, FP enabled (mstatus.FS = Initial).
    func startHart() {
        for register in 1..<32 { hart.setRegister(register, 0) }
        hart.setRegister(2, initialStackPointer)
        hart.writeCSR(0x180, addressSpace.pageTable.satp)
        let mstatus = hart.readCSR(0x300)
        hart.writeCSR(0x300, (mstatus & ~(UInt64(3) << 13)) | (1 << 13))
        hart.privilege = .user
        hart.pc = entry
        if trace.contains(.instructions) {
            let sink = traceSink
            hart.instructionTracer = { pc, bits in sink.write(InstructionTraceFormat.line(pc: pc, bits: bits)) }
        }
    }
}
