import RISCV

/// One schedulable thread of a process: its saved registers and why it is not running (xv6's
/// `struct proc` state and context). The running task's registers live in the hart; `context`
/// holds them only while the task is off the CPU.
final class Task {
    /// How the scheduler sees a task.
    enum State {
        /// Ready to run (or running).
        case runnable
        /// Waiting; the ecall that blocked is re-executed when the condition holds or a signal
        /// arrives (`WaitCondition`).
        case blocked(WaitCondition)
        /// Gone; the scheduler drops it.
        case exited
    }

    /// The thread id; the first task of a process has the process's pid.
    let tid: Int64
    /// The process whose address space, files and signal actions the task uses; execve replaces it.
    var process: Process
    /// Registers, fcsr and pc while the task is off the CPU.
    var context: HartContext
    var state: State = .runnable {
        didSet {
            if case .runnable = state { isRunnable = true } else { isRunnable = false }
        }
    }
    /// Whether `state` is `.runnable` (kept apart: the scheduler asks after every trap).
    private(set) var isRunnable = true
    /// Instructions this task retired.
    var instructions: UInt64 = 0
    /// The monotonic deadline (ns) of the timed call that blocked, kept so that its re-execution
    /// waits for the same moment; cleared when a call completes.
    var restartDeadline: UInt64?
    /// Bytes a blocking write to a pipe wrote before it blocked for room, kept so that its
    /// re-execution goes on from there; cleared when a call completes.
    var pipeWritten: Int64 = 0
    /// The read end of a FIFO whose blocking open waits for a writer (`DescriptorSyscalls.openat`),
    /// kept across the re-executions; closed when a call completes without taking it.
    var pendingFifo: HostDescriptor?
    /// CLONE_CHILD_CLEARTID: the user address to zero at exit (nil: none).
    var clearChildTID: UInt64?
    /// set_robust_list: the address of the thread's robust_list_head (0: none), walked when it dies.
    var robustList: UInt64 = 0
    /// Set by a FUTEX_WAKE that chose this task: its FUTEX_WAIT returns 0 when it runs again.
    var futexWoken = false
    /// Set when a signal woke the task from a blocked call: the call is interrupted (`-EINTR`, or
    /// restarted after the handler with SA_RESTART) instead of being re-executed at once.
    var interruptedBySignal = false
    /// The task's signal mask while it is off the CPU; the running task's is `process.signals.mask`.
    var signalMask: UInt64
    /// Signals sent to this thread alone (tkill, tgkill, pthread_kill), with their siginfo; signals
    /// sent to the process are pending in `process.signals`.
    var pendingSignals = PendingSignals()
    /// The set of `pendingSignals` (bit n-1 for signal n).
    var pending: UInt64 { pendingSignals.set }

    /// A task of `process` whose signal mask is the process's current one (its creator's).
    init(tid: Int64, process: Process, context: HartContext) {
        self.tid = tid
        self.process = process
        self.context = context
        self.signalMask = process.signals.mask
    }

    var isBlocked: Bool {
        if case .blocked = state { return true }
        return false
    }
}

/// What a blocked task waits for. Any deliverable signal also wakes it.
struct WaitCondition: Equatable {
    /// A child of its process exits (`ProcessFamily.childEvent`).
    var childEvent = false
    /// One of these host descriptors is ready for its events.
    var descriptors: [HostPollRecord] = []
    /// The CLOCK_MONOTONIC time in nanoseconds at which it wakes anyway.
    var deadline: UInt64?
    /// The vfork child (pid) whose execve or exit releases it.
    var vforkChild: Int64?
    /// rt_sigtimedwait: a pending signal of this set wakes it even while blocked.
    var signalSet: UInt64 = 0
    /// FUTEX_WAIT: the word's key and the waiter's bitset; a wake of the word that chooses the
    /// task wakes it (`Task.futexWoken`).
    var futex: FutexWait?

    static func children() -> WaitCondition { WaitCondition(childEvent: true) }
    static func descriptor(_ fd: HostDescriptor, events: PollEvents) -> WaitCondition {
        WaitCondition(descriptors: [HostPollRecord(descriptor: fd, events: events)])
    }
    static func until(_ deadline: UInt64) -> WaitCondition { WaitCondition(deadline: deadline) }
}
