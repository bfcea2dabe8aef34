import RISCV

/// The tasks of the run as the debugger sees them (gdb threads), and the scheduler's hooks that
/// turn forks, execs, vfork releases and process ends into stops.
extension DebugSession {
    // MARK: What the debugger reads

    /// Every live task, by tid.
    public var threads: [DebugThread] {
        (scheduler?.tasks ?? []).map(DebugSession.thread).sorted { $0.tid < $1.tid }
    }

    /// The task on the hart: the one that stopped.
    public var stoppedThread: DebugThread? {
        scheduler.map { DebugSession.thread($0.current) }
    }

    /// The saved registers of live task `tid` while it is off the hart; nil for the task on the
    /// hart (its registers are the hart's) or a task that is gone.
    public func savedContext(of tid: Int64) -> HartContext? {
        guard let scheduler, let task = scheduler.task(withID: tid), task !== scheduler.current else { return nil }
        return task.context
    }

    /// Replaces the saved registers of task `tid` (x0 stays zero); false when it is on the hart or gone.
    public func setSavedContext(_ context: HartContext, of tid: Int64) -> Bool {
        guard let scheduler, let task = scheduler.task(withID: tid), task !== scheduler.current,
              context.integerRegisters.count == 32, context.floatRegisters.count == 32 else { return false }
        task.context = context
        task.context.integerRegisters[0] = 0
        return true
    }

    /// Up to `count` bytes at `address` in process `pid` (`Process.debugRead`); empty when it is gone.
    public func readMemory(of pid: Int64, _ address: UInt64, count: Int) -> [UInt8] {
        liveProcess(pid)?.debugRead(address, count: count) ?? []
    }

    /// Writes `bytes` at `address` in process `pid` (`Process.debugWrite`); false when it is gone.
    public func writeMemory(of pid: Int64, _ bytes: [UInt8], at address: UInt64) -> Bool {
        liveProcess(pid)?.debugWrite(bytes, at: address) ?? false
    }

    /// Makes task `tid` the one the next resume runs (a step steps it); nil lets the scheduler choose.
    public func focus(on tid: Int64?) {
        focus = tid
    }

    // MARK: The scheduler's hooks

    /// The focused task when it can run.
    func focusedTask() -> Task? {
        guard let focus, let task = scheduler?.task(withID: focus), task.isRunnable else { return nil }
        return task
    }

    /// Whether `task` may go on running: no other task has the focus, or the focused one waits.
    func keeps(_ task: Task) -> Bool {
        guard let focus, focus != task.tid, let focused = scheduler?.task(withID: focus) else { return true }
        return !focused.isRunnable
    }

    /// `task` is now on the hart: arms its process's triggers and reports a vfork parent's release.
    func switched(to task: Task) -> String? {
        guard let hook else { return nil }
        let pid = task.process.family.pid
        if armedProcess != pid {
            armedProcess = pid
            hook.willRun(process: pid)
        }
        guard vforkParents.remove(task.tid) != nil else { return nil }
        return report(.vforkDone)
    }

    /// The running task forked `child` (a new process); reported when its syscall is served.
    func forked(_ child: Process, vfork: Bool) {
        guard hook != nil, let scheduler else { return }
        pendingEvent = .forked(child: DebugSession.thread(tid: child.family.pid, of: child), vfork: vfork)
        if vfork { vforkParents.insert(scheduler.current.tid) }
    }

    /// The running task's process runs the program at `path` now; reported after the syscall.
    func executed(path: String) {
        guard hook != nil else { return }
        pendingEvent = .executed(path: path)
    }

    /// Reports the event the last syscall made, if any.
    func reportPending() -> String? {
        guard let event = pendingEvent else { return nil }
        pendingEvent = nil
        return report(event)
    }

    /// Process `pid` (not the first) ended with `status`.
    func processEnded(_ pid: Int64, status: Int32) -> String? {
        report(.processEnded(pid: pid, status: status))
    }

    private func liveProcess(_ pid: Int64) -> Process? {
        guard let process = scheduler?.process(pid), process.family.waitStatus == nil else { return nil }
        return process
    }

    private static func thread(_ task: Task) -> DebugThread {
        thread(tid: task.tid, of: task.process)
    }

    private static func thread(tid: Int64, of process: Process) -> DebugThread {
        DebugThread(pid: process.family.pid, tid: tid, name: String(decoding: process.taskName, as: UTF8.self))
    }
}

extension Process {
    /// The debugger's hold on the run, shared by every process of it; nil without a debugger.
    public var debugSession: DebugSession? { debugger }
}
