import RISCV

/// Sending and delivering signals (Linux's send_signal and get_signal/handle_signal).
extension Process {
    /// Makes `info.signal` pending. A signal that is not blocked and whose action ignores it
    /// (SIG_IGN, or SIG_DFL for a signal ignored by default) is dropped at once, as Linux does;
    /// SIGKILL and SIGSTOP are never dropped. A standard signal already pending keeps its first
    /// siginfo; real-time signals queue (`PendingSignals`). False when a queue was full.
    @discardableResult
    func post(_ info: SignalInfo) -> Bool {
        let signal = info.signal
        let bit = SignalState.bit(signal)
        let action = signals.action(signal)
        if bit & Signal.unblockable == 0, signals.mask & bit == 0 {
            if action.handler == SignalAction.ignoreHandler { return true }
            if action.handler == SignalAction.defaultHandler, Signal.isIgnoredByDefault(signal) { return true }
        }
        return signals.pendingSignals.add(info)
    }

    /// Makes `info.signal` pending for thread `task` alone (tkill, tgkill), dropped and queued as
    /// `post` does. False when the queue was full.
    @discardableResult
    func post(_ info: SignalInfo, to task: Task) -> Bool {
        let signal = info.signal
        let bit = SignalState.bit(signal)
        let action = signals.action(signal)
        let mask = task === runningTask ? signals.mask : task.signalMask
        if bit & Signal.unblockable == 0, mask & bit == 0 {
            if action.handler == SignalAction.ignoreHandler { return true }
            if action.handler == SignalAction.defaultHandler, Signal.isIgnoredByDefault(signal) { return true }
        }
        return task.pendingSignals.add(info)
    }

    /// The task of this process that is on the CPU, if any.
    var runningTask: Task? {
        guard let current = scheduler?.current, current.process === self else { return nil }
        return current
    }

    /// The signals pending for the running task: the process's and its own.
    var pendingForRunningTask: UInt64 { signals.pending | (runningTask?.pending ?? 0) }

    /// True when `task` (running) has a signal to deliver or a call a signal interrupted (the
    /// scheduler's cheap check before every return to user mode).
    @inline(__always)
    func hasSignalWork(_ task: Task) -> Bool {
        (signals.pending | task.pending) & ~signals.mask != 0 || task.interruptedBySignal
    }

    /// Takes the oldest pending instance of `signal` from the running task's own signals, or else
    /// the process's, and returns its siginfo.
    func takePending(_ signal: UInt64) -> SignalInfo {
        if let task = runningTask, let info = task.pendingSignals.take(signal) { return info }
        return signals.pendingSignals.take(signal) ?? SignalInfo(signal: signal)
    }
}

extension Scheduler {
    /// Calls whose wait a handler ends with `-EINTR` even under SA_RESTART (signal(7)): nanosleep,
    /// clock_nanosleep, ppoll, pselect6, epoll_pwait, epoll_pwait2, rt_sigsuspend, rt_sigtimedwait.
    static let neverRestarted: Set<UInt64> = [101, 115, 73, 72, 22, 441, 133, 137]

    /// Delivers the deliverable pending signals of the running `task` before it returns to user
    /// mode. Returns false when one ended the process.
    ///
    /// Default actions ignore or kill (`Signal`); SIG_IGN drops. A handler gets an `rt_sigframe`
    /// (`SignalFrame`) on the current stack, or on the alternate stack with SA_ONSTACK; then pc =
    /// handler, ra = the trampoline, sp = the frame, a0 = signal, a1 = &siginfo, a2 = &ucontext,
    /// and the mask gains sa_mask and the signal (unless SA_NODEFER). A call the signal
    /// interrupted returns `-EINTR`, or, with SA_RESTART, runs again after the handler; a blocking
    /// pipe write that had written some bytes returns their count either way, as Linux's.
    func deliverSignals(to task: Task) -> Bool {
        let process = task.process
        guard process.hasSignalWork(task) else { return true }
        while (process.signals.pending | task.pending) & ~process.signals.mask != 0 {
            let deliverable = (process.signals.pending | task.pending) & ~process.signals.mask
            let signal = Signal.synchronous.first { deliverable & SignalState.bit($0) != 0 }
                ?? UInt64(deliverable.trailingZeroBitCount + 1)
            let info = process.takePending(signal)
            let action = process.signals.action(signal)
            if action.handler == SignalAction.ignoreHandler && signal != Signal.kill { continue }
            if !action.isHandler || signal == Signal.kill {
                if Signal.isIgnoredByDefault(signal) && signal != Signal.kill { continue }
                terminate(process, how: .signalled(signal: signal, kill: Signal.defaultKill(signal, pc: hart.pc)))
                return false
            }
            if task.interruptedBySignal {
                task.interruptedBySignal = false
                let deadline = task.restartDeadline
                task.restartDeadline = nil
                let number = hart.register(Register.a7)
                let name = SyscallTable.definitions[number]?.name ?? "syscall_\(number)"
                if task.pipeWritten > 0 {
                    hart.setRegister(Register.a0, UInt64(task.pipeWritten))
                    hart.pc &+= 4
                    if process.trace.contains(.syscalls) { process.traceSink.write("\(name) interrupted = \(task.pipeWritten)") }
                    task.pipeWritten = 0
                } else if action.flags & SignalAction.restart == 0 || Scheduler.neverRestarted.contains(number) {
                    if let deadline { TimeSyscalls.reportRemainingSleep(process, until: deadline) }
                    hart.setRegister(Register.a0, UInt64(bitPattern: Errno.EINTR.negated))
                    hart.pc &+= 4
                    if process.trace.contains(.syscalls) { process.traceSink.write("\(name) interrupted = -4 EINTR") }
                } else if process.trace.contains(.syscalls) {
                    process.traceSink.write("\(name) interrupted = ? (restarted after the handler)")
                }
            }
            guard pushFrame(for: signal, info: info, action: action, process: process) else {
                let kill = Kill(reason: .memoryFault, message: "bad signal frame for \(Signal.name(signal)) (pc \(hex(hart.pc)))")
                terminate(process, how: .signalled(signal: Signal.segmentationFault, kill: kill))
                return false
            }
        }
        task.interruptedBySignal = false
        return true
    }

    /// Writes the frame of one handler call and points the hart at the handler.
    private func pushFrame(for signal: UInt64, info: SignalInfo, action: SignalAction, process: Process) -> Bool {
        guard let trampoline = process.trampolineAddress() else { return false }
        if process.trace.contains(.syscalls) { process.traceSink.write("--- \(Signal.name(signal)) \(info.traceText) ---") }
        let altStack = process.task.alternateStack
        let sp = hart.register(Register.sp)
        let onAltStack = altStack.contains(sp)
        var top = sp
        if action.flags & SignalAction.onStack != 0, altStack.isEnabled, !onAltStack {
            top = altStack.base &+ altStack.size
        }
        let frame = (top &- SignalFrame.size) & ~15
        let savedMask = process.signals.savedMask ?? process.signals.mask
        var reported = altStack
        reported.flags = altStack.isEnabled ? (onAltStack ? TaskState.AlternateStack.onStack : 0) : TaskState.AlternateStack.disabled
        let context = SignalFrame.context(of: hart, mask: savedMask, stack: reported.bytes)
        guard case .success = process.copyOut(info.bytes + context, to: frame) else { return false }
        process.signals.savedMask = nil
        if altStack.flags & TaskState.AlternateStack.autoDisarm != 0, altStack.isEnabled {
            process.task.alternateStack = TaskState.AlternateStack()
        }
        process.signals.mask |= action.mask | (action.flags & SignalAction.noDefer == 0 ? SignalState.bit(signal) : 0)
        process.signals.mask &= ~Signal.unblockable
        if action.flags & SignalAction.resetHand != 0 { process.signals.actions[signal] = nil }
        hart.pc = action.handler
        hart.setRegister(Register.ra, trampoline)
        hart.setRegister(Register.sp, frame)
        hart.setRegister(Register.a0, signal)
        hart.setRegister(Register.a1, frame)
        hart.setRegister(Register.a2, frame &+ SignalFrame.contextOffset)
        return true
    }
}
