import RISCV

extension Process {
    /// Starts the hart in U-mode at the entry point and runs the process, and every process it
    /// creates, until it exits, is killed or the machine retires `maxInstructions` (nil: no limit).
    /// Flushes the trace sink at the end.
    ///
    /// The `Scheduler` drives the hart: it calls `hart.run` with the task's quantum (the whole
    /// remaining budget while only one task exists) and handles each trap it returns (`handle`).
    /// With a debugger attached, the budget is cut to its step or poll interval and the debugger
    /// gets the stops (`DebugSession`); it hears the outcome last.
    public func run(maxInstructions: UInt64? = nil) -> ExitOutcome {
        let scheduler = Scheduler(first: self, policy: runOptions.schedule, maxTasks: runOptions.maxTasks)
        defer {
            hart.instructionTracer = nil
            traceSink.flush()
        }
        let outcome = scheduler.run(maxInstructions: maxInstructions)
        defer { scheduler.detach() }
        let final = scheduler.first
        final.machineStats = MachineStats(tasksCreated: scheduler.tasksCreated, contextSwitches: scheduler.contextSwitches,
                                    framesShared: addressSpace.frames.shareCount, processes: scheduler.endedProcesses)
        debugger?.exited(outcome)
        return outcome
    }

    /// Puts the hart in the state a new process starts in: U-mode, Sv39 on this address space,
    /// pc at the entry, sp at argc, every other register zero, FP enabled (mstatus.FS = Initial),
    /// and the cycle, time and instret counters readable from U-mode, as Linux allows.
    func startHart() {
        for register in 1..<32 { hart.setRegister(register, 0) }
        hart.setRegister(Register.sp, initialStackPointer)
        hart.writeCSR(CSRAddress.satp, addressSpace.pageTable.satp)
        let mstatus = hart.readCSR(CSRAddress.mstatus)
        hart.writeCSR(CSRAddress.mstatus, (mstatus & ~MStatus.fs) | MStatus.fsInitial)
        let counters = CounterEnable.cycle | CounterEnable.time | CounterEnable.instret
        hart.writeCSR(CSRAddress.mcounteren, counters)
        hart.writeCSR(CSRAddress.scounteren, counters)
        hart.privilege = .user
        hart.pc = entry
        if trace.contains(.instructions) {
            let sink = traceSink
            hart.instructionTracer = { pc, bits in sink.write(InstructionTraceFormat.line(pc: pc, bits: bits)) }
        }
    }
}
