/// How processes end (xv6's `exit`): zombies, orphans, the parent's SIGCHLD, and the end of the
/// run when the first process ends.
extension Scheduler {
    /// How a process ended.
    enum Termination {
        /// exit/exit_group with this code.
        case exited(code: Int64)
        /// Killed by `signal`; `kill` says why when the kernel decided it (a fault), with the
        /// message the first process's kill line prints.
        case signalled(signal: UInt64, kill: Kill?)

        var waitStatus: Int32 {
            switch self {
            case .exited(let code): return ProcessFamily.exitedStatus(code)
            case .signalled(let signal, _): return ProcessFamily.signalledStatus(signal)
            }
        }
    }

    /// Ends `process`: the first process ends the run (every other task is killed); any other
    /// becomes a zombie for its parent's wait4, which gets SIGCHLD.
    func terminate(_ process: Process, how: Termination) {
        guard process.family.waitStatus == nil else { return }
        traceEnd(of: process, how: how)
        if process === first {
            let outcome: ExitOutcome
            switch how {
            case .exited(let code): outcome = .exited(code: code)
            case .signalled(let signal, let kill):
                outcome = kill.map { .killed($0.reason, message: $0.message) } ?? .exited(code: 128 + Int64(signal))
            }
            process.family.waitStatus = how.waitStatus
            finish(outcome)
            return
        }
        end(process, status: how.waitStatus)
        notifyParent(of: process, how: how)
        if let kill = process.debugger?.processEnded(process.family.pid, status: how.waitStatus) {
            finish(.killed(.debugger, message: kill))
        }
    }

    /// Frees what a dead process holds (descriptors; the address space unless another live
    /// process shares it, a vfork parent or a CLONE_VM child, or it is the first process's, which
    /// the run reports at its end), removes its task, makes it a zombie with `status` and gives
    /// its children to the first process.
    func end(_ process: Process, status: Int32) {
        guard process.family.waitStatus == nil else { return }
        let instructions = instructions(of: process)
        for task in tasks where task.process === process {
            RobustFutexList.release(task, scheduler: self)
            task.state = .exited
        }
        removeTasks(of: process)
        process.family.waitStatus = status
        process.family.releasedVforkParent = true
        recordSummary(ProcessSummary(process, instructions: instructions))
        process.files.closeAll()
        if process.addressSpace !== first.addressSpace, !isShared(process.addressSpace, besides: process) {
            process.addressSpace.tearDown()
        }
        for child in process.family.children {
            guard let orphan = self.process(child) else { continue }
            orphan.family.parentPID = first.family.pid
            first.family.children.append(child)
            if orphan.family.parentDeathSignal != 0, orphan.family.waitStatus == nil {
                orphan.post(SignalInfo(signal: orphan.family.parentDeathSignal, code: SignalInfo.user, senderPID: process.family.pid))
            }
            if orphan.family.waitStatus != nil { first.family.childEvent = true }
        }
        process.family.children = []
    }

    /// Tells the parent: a child event for wait4 and the exit signal (SIGCHLD) with CLD_EXITED or
    /// CLD_KILLED. A parent that ignores SIGCHLD (or set SA_NOCLDWAIT) reaps the child at once.
    private func notifyParent(of child: Process, how: Termination) {
        guard let parent = process(child.family.parentPID), parent.family.waitStatus == nil else { return }
        parent.family.childEvent = true
        let action = parent.signals.action(Signal.child)
        if action.handler == SignalAction.ignoreHandler || action.flags & SignalAction.noChildWait != 0 {
            reap(child.family.pid)
        }
        guard child.family.exitSignal != 0 else { return }
        var info = SignalInfo(signal: child.family.exitSignal, code: 1, senderPID: child.family.pid)
        switch how {
        case .exited(let code): info.status = Int32(truncatingIfNeeded: code & 0xff)
        case .signalled(let signal, _): (info.code, info.status) = (2, Int32(signal))
        }
        parent.post(info)
    }

    /// `+++ exited with 0 +++` or `+++ killed by SIGSEGV +++`, as strace -f ends a task, once the
    /// run has had more than one task.
    private func traceEnd(of process: Process, how: Termination) {
        guard !process.trace.isEmpty, tasksCreated > 1 else { return }
        switch how {
        case .exited(let code): process.traceSink.write("+++ exited with \(code & 0xff) +++")
        case .signalled(let signal, _): process.traceSink.write("+++ killed by \(Signal.name(signal)) +++")
        }
    }
}

/// What `--stats` reports for one process.
public struct ProcessSummary: Equatable, Sendable {
    public var pid: Int64
    public var instructions: UInt64
    public var pageFaults: PageFaultCounts
    public var residentPages: Int

    public init(pid: Int64, instructions: UInt64, pageFaults: PageFaultCounts, residentPages: Int) {
        self.pid = pid
        self.instructions = instructions
        self.pageFaults = pageFaults
        self.residentPages = residentPages
    }

    init(_ process: Process, instructions: UInt64) {
        self.init(pid: process.family.pid, instructions: instructions, pageFaults: process.pageFaults,
                  residentPages: MemRegion.Kind.allCases.reduce(0) { $0 + process.addressSpace.residentPages(of: $1) })
    }
}
