import RISCV

/// Why a run stopped for its debugger (a `DebugHook`). The hart holds the guest's state at the stop.
public enum DebugStop: Equatable, Sendable {
    /// The program is loaded and no instruction has run.
    case started
    /// The one instruction of a `.step` resume completed: it retired, trapped into a handler
    /// (bare mode), or was an ecall the kernel served.
    case stepped
    /// `DebugSession.pollInterval` instructions ran under `.continue`: a chance to look for an
    /// interrupt request. Resuming with `.continue` goes on unnoticed.
    case interval
    /// A breakpoint or watchpoint of the hart fired.
    case trigger(TriggerHit)
    /// A syscall the hook catches is about to run (pc at its ecall; a7 and a0..a5 as the guest set them).
    case syscallEntry(number: UInt64)
    /// A caught syscall returned `result` (in a0; pc past the ecall).
    case syscallReturn(number: UInt64, result: UInt64)
    /// The guest is about to be killed for `reason`, with the hart at the instruction at fault.
    /// Whatever the resume, the kill follows (as a fatal signal would).
    case fatal(KillReason)
    /// The stopped task's process created `child` by fork (`vfork`: by vfork, the parent then
    /// waits for the child's exec or exit). The stopped task is past its ecall, a0 the child's pid.
    case forked(child: DebugThread, vfork: Bool)
    /// A vfork parent runs again: its child has exec'd or exited.
    case vforkDone
    /// The stopped task's process now runs the program at host path `path` (at its entry).
    case executed(path: String)
    /// Process `pid`, not the first one, ended with wait status `status`; the run goes on.
    case processEnded(pid: Int64, status: Int32)
    /// The run is over; the resume is ignored.
    case exited(ExitOutcome)
}

/// How the guest goes on after a stop.
public enum DebugResume: Equatable, Sendable {
    /// Run one instruction, then stop with `.stepped` (or an earlier stop).
    case step
    /// Run until the next stop.
    case `continue`
    /// End the run now: the guest is killed with the message after `tinyrv: killed: `.
    case kill(message: String)
    /// Drop the debugger: its breakpoints and watchpoints go and the guest runs on alone.
    case detach
}

/// A debugger attached to a run: the run loop calls it at each stop and waits for its answer.
/// It sees the guest through the hart and the target it was given; it runs on the run loop's thread.
public protocol DebugHook: AnyObject {
    /// Handles a stop (typically by serving its client) and says how the guest goes on.
    func stopped(_ stop: DebugStop) -> DebugResume
    /// Whether syscall `number` stops the run at its entry and its return.
    func catchesSyscall(_ number: UInt64) -> Bool
    /// The scheduler puts a task of process `pid` on the hart: the hook arms that process's triggers.
    func willRun(process pid: Int64)
}

extension DebugHook {
    /// Hooks whose triggers hold for every process leave the hart as it is.
    public func willRun(process pid: Int64) {}
}
