import RISCV

/// A debugger's hold on a run: sizes each `hart.run` for the hook's last resume and turns what the
/// run loop sees into `DebugStop`s.
///
/// Run loops (`Process.run`, the bare machine) call it at their stop points. Each call that may
/// stop returns nil to go on, or the kill message when the debugger ended the run. Under `.step`
/// each `hart.run` gets a budget of one instruction; under `.continue`, `pollInterval`, so that
/// the hook can look for an interrupt request between runs, outside the hart's loop. Once the
/// hook detaches, every call is a no-op and budgets are not cut.
public final class DebugSession {
    /// Instructions between two `.interval` stops under `.continue`.
    public static let pollInterval: UInt64 = 1 << 20

    public let hart: Hart
    private(set) var hook: DebugHook?
    private var resume = DebugResume.continue
    /// The scheduler whose tasks the debugger sees (`DebugSession+Tasks`).
    weak var scheduler: Scheduler?
    /// A fork or exec the kernel made in the running task, reported once its syscall is served.
    var pendingEvent: DebugStop?
    /// Tasks stopped at a vfork whose `vforkDone` comes when they run again.
    var vforkParents: Set<Int64> = []
    /// The task the next resume runs first (`focus(on:)`); nil lets the scheduler choose.
    var focus: Int64?
    /// The process whose triggers the hook armed last.
    var armedProcess: Int64?

    public init(hook: DebugHook, hart: Hart) {
        self.hook = hook
        self.hart = hart
    }

    /// The budget for the next `hart.run`, at most `limit`.
    public func budget(upTo limit: UInt64) -> UInt64 {
        guard hook != nil else { return limit }
        return min(limit, stepsCurrent ? 1 : DebugSession.pollInterval)
    }

    /// Reports that the program is loaded and waits for the first resume.
    public func start() -> String? {
        report(.started)
    }

    /// After `hart.run` stopped for `reason` and the run loop handled it: a trigger is reported; an
    /// exhausted budget (or a handled tohost store) ends a step, or an interval under `.continue`.
    /// Traps are the run loop's; their stops come through `syscallEntry`/`syscallServed`/`fatal`.
    public func ran(_ reason: StopReason) -> String? {
        guard hook != nil else { return nil }
        switch reason {
        case .trigger(let hit): return report(.trigger(hit))
        case .budgetExhausted:
            if stepsCurrent { return report(.stepped) }
            return resume == .step ? nil : report(.interval)
        case .tohost: return stepsCurrent ? report(.stepped) : nil
        case .trap: return nil
        }
    }

    /// Before the kernel serves syscall `number`: its entry stop, when caught.
    public func syscallEntry(_ number: UInt64) -> String? {
        guard let hook, hook.catchesSyscall(number) else { return nil }
        return report(.syscallEntry(number: number))
    }

    /// After the kernel served syscall `number` with `result` (pc past the ecall): its return stop
    /// when caught, else the end of a step.
    public func syscallServed(_ number: UInt64, result: UInt64) -> String? {
        guard let hook else { return nil }
        if pendingEvent != nil { return reportPending() }
        if hook.catchesSyscall(number) { return report(.syscallReturn(number: number, result: result)) }
        return stepsCurrent ? report(.stepped) : nil
    }

    /// Whether a `.step` is under way for the task on the hart: the focused task, or any when
    /// none is focused or it is gone. Other tasks run on while the focused one waits.
    private var stepsCurrent: Bool {
        guard resume == .step else { return false }
        guard let focus, let scheduler, scheduler.task(withID: focus) != nil else { return true }
        return scheduler.current.tid == focus
    }

    /// Before the guest is killed for `reason`: a last stop (the kill follows whatever the answer).
    public func fatal(_ reason: KillReason) {
        _ = report(.fatal(reason))
    }

    /// The run ended with `outcome`: tells the hook, which then lets go.
    public func exited(_ outcome: ExitOutcome) {
        guard let hook else { return }
        _ = hook.stopped(.exited(outcome))
        self.hook = nil
    }

    /// Reports `stop` and applies the answer: remembers a step or continue, drops the triggers on
    /// a detach, returns the message of a kill.
    func report(_ stop: DebugStop) -> String? {
        guard let hook else { return nil }
        let answer = hook.stopped(stop)
        switch answer {
        case .step, .continue:
            resume = answer
        case .kill(let message):
            return message
        case .detach:
            hart.breakpoints = []
            hart.watchpoints = []
            self.hook = nil
        }
        return nil
    }
}
