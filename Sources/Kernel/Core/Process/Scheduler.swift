import RISCV

/// How the scheduler orders tasks and sizes their quanta (`--schedule`).
public enum SchedulePolicy: Equatable, Sendable {
    /// Tasks in creation order, each for `Scheduler.quantum` instructions: the same run every time.
    case roundRobin
    /// The next task and each quantum drawn from a generator seeded with `seed`: another
    /// interleaving per seed, the same one for the same seed.
    case random(seed: UInt64)
}

/// The machine's one CPU shared by every task (xv6's `scheduler`): picks a runnable task, loads
/// its registers and address space into the hart, runs it for a quantum or until it traps, blocks
/// or exits, and waits on the host when every task waits for it.
///
/// Switches happen only between `hart.run` calls, so the hart's hot loop is untouched; with one
/// task the quantum is unbounded and the loop is the single-process loop of before.
final class Scheduler {
    /// Instructions a task runs before another runnable task gets the CPU.
    static let quantum: UInt64 = 50_000
    /// The budget of one `hart.run` call when nothing else needs the CPU.
    static let unboundedSlice: UInt64 = 1 << 40

    let hart: Hart
    let frames: FrameAllocator
    /// The first process (pid 100), the program it runs now; its end is the end of the run.
    private(set) var first: Process
    let policy: SchedulePolicy
    let maxTasks: Int
    /// Live tasks in creation order (the round-robin order).
    private(set) var tasks: [Task] = []
    /// Live and zombie processes by pid.
    private(set) var processes: [Int64: Process] = [:]
    /// The task whose registers are in the hart.
    private(set) var current: Task
    /// The address space whose root is in satp.
    private weak var loadedSpace: AddressSpace?
    private var nextPID = Process.processID + 1
    private var randomState: UInt64
    /// How the run ended, once the first process has ended.
    private var finished: ExitOutcome? {
        didSet { isFinished = finished != nil }
    }
    /// Whether `finished` is set (kept apart: the scheduler asks after every trap).
    private var isFinished = false
    /// The address space an execve left, torn down once its trap is handled.
    private var retiredSpace: AddressSpace?
    /// Set when a syscall arms a timer, so that the running slice shrinks to a quantum and the
    /// scheduler looks at the clock (`expireTimers`).
    var timerArmed = false
    /// The place in its word's queue of the next FUTEX_WAIT (`nextFutexTicket`).
    var futexTicket: UInt64 = 0
    /// Counters for `--stats`.
    private(set) var tasksCreated = 1
    private(set) var contextSwitches = 0
    /// Per-process summaries of the processes that have ended, first process last.
    private(set) var endedProcesses: [ProcessSummary] = []

    /// Adopts `first` as pid 100, with the hart in its start state (`Process.startHart`).
    init(first: Process, policy: SchedulePolicy, maxTasks: Int) {
        self.hart = first.hart
        self.frames = first.addressSpace.frames
        self.first = first
        self.policy = policy
        self.maxTasks = max(1, maxTasks)
        if case .random(let seed) = policy { randomState = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed } else { randomState = 1 }
        first.startHart()
        current = Task(tid: first.family.pid, process: first, context: HartContext())
        loadedSpace = first.addressSpace
        first.scheduler = self
        first.debugger?.scheduler = self
        tasks = [current]
        processes[first.family.pid] = first
        Host.ignoreBrokenPipeSignal()
    }

    /// Runs every task until the first process ends or `maxInstructions` retire in all (nil: no limit).
    /// A debugger attached to the first process (`DebugSession`) gets its stops between `hart.run` calls.
    func run(maxInstructions: UInt64?) -> ExitOutcome {
        let debugger = first.debugger
        if let kill = debugger?.start() { return .killed(.debugger, message: kill) }
        let start = hart.instructionsRetired
        while true {
            if let finished { return finished }
            if nextTimerDeadline != nil { expireTimers() }
            guard let picked = pickNext() else {
                if let stuck = waitOnHost() { finish(stuck) }
                continue
            }
            let task = debugger?.focusedTask() ?? picked
            switchTo(task)
            if let debugger, let kill = debugger.switched(to: task) {
                finish(.killed(.debugger, message: kill))
                continue
            }
            var slice = sliceLength()
            while task.isRunnable, !isFinished, debugger?.keeps(task) != false,
                  !task.process.hasSignalWork(task) || deliverSignals(to: task) {
                var chunk = slice
                if let maxInstructions {
                    let done = hart.instructionsRetired &- start
                    if done >= maxInstructions {
                        finish(.budgetExhausted)
                        break
                    }
                    chunk = min(chunk, maxInstructions - done)
                }
                if let debugger { chunk = debugger.budget(upTo: chunk) }
                if let left = instructionsBeforeProcessTimeTimer(of: task.process) { chunk = min(chunk, left) }
                let before = hart.instructionsRetired
                let stop = hart.run(maxInstructions: chunk)
                let used = hart.instructionsRetired &- before
                task.instructions &+= used
                if task.process.processTimeDeadline != nil { expireProcessTimeTimers(of: task.process) }
                slice = slice > used ? slice - used : 0
                switch stop {
                case .budgetExhausted, .trigger:
                    break
                case .tohost(let value):
                    terminate(task.process, how: .exited(code: Int64(value >> 1)))
                case .trap(let trap):
                    handle(trap, of: task)
                    if timerArmed {
                        timerArmed = false
                        slice = min(slice, Scheduler.quantum)
                    }
                    if slice > Scheduler.quantum, tasks.count > 1 { slice = sliceLength() }
                }
                if let debugger, finished == nil, let kill = debugger.ran(stop) { finish(.killed(.debugger, message: kill)) }
                if slice == 0 { break }
            }
        }
    }

    // MARK: Choosing and switching

    /// The next runnable task after the current one (round robin) or a drawn one (random), after
    /// waking every blocked task whose condition holds. Nil when none can run.
    private func pickNext() -> Task? {
        wakeReadyTasks()
        let runnable = tasks.filter(\.isRunnable)
        guard !runnable.isEmpty else { return nil }
        switch policy {
        case .roundRobin:
            let position = tasks.firstIndex { $0 === current } ?? -1
            for offset in 1...tasks.count {
                let task = tasks[(position + offset) % tasks.count]
                if task.isRunnable { return task }
            }
            return nil
        case .random:
            return runnable[Int(nextRandom() % UInt64(runnable.count))]
        }
    }

    /// Instructions the picked task may run before the scheduler looks again: unbounded when no
    /// other task exists and no timer is armed, else a quantum (drawn between 1/8 and 2 quanta under `.random`).
    private func sliceLength() -> UInt64 {
        guard tasks.count > 1 else { return nextTimerDeadline == nil ? Scheduler.unboundedSlice : Scheduler.quantum }
        switch policy {
        case .roundRobin: return Scheduler.quantum
        case .random: return Scheduler.quantum / 8 + nextRandom() % (2 * Scheduler.quantum)
        }
    }

    /// Saves the current task's registers and loads `task`'s, switching satp when the address
    /// space differs (which flushes the TLB).
    func switchTo(_ task: Task) {
        updateTracePrefix(for: task)
        guard task !== current || loadedSpace !== task.process.addressSpace else { return }
        if task !== current {
            if case .exited = current.state {} else {
                current.context = hart.saveContext()
                current.signalMask = current.process.signals.mask
            }
            task.process.signals.mask = task.signalMask
            hart.restoreContext(task.context)
            current = task
            contextSwitches += 1
        }
        if loadedSpace !== task.process.addressSpace {
            hart.writeCSR(CSRAddress.satp, task.process.addressSpace.pageTable.satp)
            loadedSpace = task.process.addressSpace
        }
    }

    /// `[pid N] ` before every trace line while more than one task lives, as `strace -f` does.
    private func updateTracePrefix(for task: Task) {
        first.traceSink.linePrefix = tasks.count > 1 ? "[pid \(task.tid)] " : ""
    }

    /// xorshift64: the generator of `--schedule random:SEED`.
    private func nextRandom() -> UInt64 {
        randomState ^= randomState << 13
        randomState ^= randomState >> 7
        randomState ^= randomState << 17
        return randomState
    }

    // MARK: Traps

    /// Handles one trap of the running task and applies what the kernel decided.
    private func handle(_ trap: Trap, of task: Task) {
        let process = task.process
        let event = process.handle(trap)
        if let retiredSpace {
            retiredSpace.tearDown()
            self.retiredSpace = nil
        }
        switch event {
        case .resume:
            if task.restartDeadline != nil { task.restartDeadline = nil }
            if task.pipeWritten != 0 { task.pipeWritten = 0 }
            if let fifo = task.pendingFifo {
                fifo.close()
                task.pendingFifo = nil
            }
        case .block(let condition):
            task.state = .blocked(condition)
        case .exited(let code):
            terminate(task.process, how: .exited(code: code))
        case .killed(let kill, let signal):
            if process === first, kill.reason != .debugger { first.debugger?.fatal(kill.reason) }
            terminate(task.process, how: .signalled(signal: signal, kill: kill))
        }
    }

    // MARK: Blocking and waking

    /// Marks runnable every blocked task whose condition holds, or else that a deliverable signal
    /// interrupts. A call whose condition holds completes first (a read finds its data even when
    /// a signal came too, as on Linux); the signal is delivered after it.
    private func wakeReadyTasks() {
        var records: [HostPollRecord] = []
        var owners: [Task] = []
        var now: UInt64?
        for task in tasks {
            guard case .blocked(let condition) = task.state else { continue }
            records += condition.descriptors
            owners += Array(repeating: task, count: condition.descriptors.count)
        }
        var ready: Set<ObjectIdentifier> = []
        if !records.isEmpty, case .success(let n) = Host.pollNow(&records), n > 0 {
            for (record, task) in zip(records, owners) where !record.returned.isEmpty { ready.insert(ObjectIdentifier(task)) }
        }
        for task in tasks {
            guard case .blocked(let condition) = task.state else { continue }
            let family = task.process.family
            var met = ready.contains(ObjectIdentifier(task)) || (condition.childEvent && family.childEvent)
                || (task.process.signals.pending | task.pending) & condition.signalSet != 0
                || condition.vforkChild.map({ processes[$0]?.family.releasedVforkParent ?? true }) == true
                || (condition.futex != nil && task.futexWoken)
            if !met, let deadline = condition.deadline {
                if now == nil { now = Host.monotonicNow() }
                met = now! >= deadline
            }
            if met {
                task.state = .runnable
            } else if condition.vforkChild == nil,
                      (task.process.signals.pending | task.pending) & ~(task === current ? task.process.signals.mask : task.signalMask) != 0 {
                task.state = .runnable
                task.interruptedBySignal = true
            }
        }
    }

    /// With no task runnable: sleeps on the host until a host descriptor some task waits for is
    /// ready or the earliest deadline passes (the guest's own pipes are left out: only a task can
    /// make them ready). Returns a kill of the whole machine naming the blocked tasks when nothing
    /// could ever wake one (a deadlock); nil otherwise.
    private func waitOnHost() -> ExitOutcome? {
        var records: [HostPollRecord] = []
        var earliest: UInt64?
        for task in tasks {
            guard case .blocked(let condition) = task.state else { continue }
            records += hostWaitable(condition, of: task.process)
            if let deadline = condition.deadline { earliest = min(earliest ?? deadline, deadline) }
        }
        if let timer = nextTimerDeadline { earliest = min(earliest ?? timer, timer) }
        guard !records.isEmpty || earliest != nil else { return .killed(.deadlock, message: deadlockMessage()) }
        first.traceSink.flush()
        var timeout: Int64 = -1
        if let earliest {
            let now = Host.monotonicNow()
            timeout = Int64(clamping: earliest > now ? earliest - now : 0)
        }
        Host.waitForEvents(&records, timeoutNanoseconds: timeout)
        return nil
    }

    // MARK: Process table

    /// The live or zombie process with `pid`.
    func process(_ pid: Int64) -> Process? { processes[pid] }

    /// Every process that has not ended.
    var liveProcesses: [Process] { processes.values.filter { $0.family.waitStatus == nil }.sorted { $0.family.pid < $1.family.pid } }

    /// The live task of `process` (one per process).
    func task(of process: Process) -> Task? { tasks.first { $0.process === process } }

    /// True when another task could run while this one waits: then blocking host calls must not
    /// block tinyrv.
    var hasOtherTasks: Bool { tasks.count > 1 }

    /// A fresh pid, or nil when `maxTasks` processes (zombies included) exist.
    func allocatePID() -> Int64? {
        guard processes.count < maxTasks else { return nil }
        defer { nextPID += 1 }
        return nextPID
    }

    /// Adds a forked process and its task; it runs when the scheduler picks it.
    func admit(_ process: Process, task: Task) {
        processes[process.family.pid] = process
        tasks.append(task)
        tasksCreated += 1
        updateTracePrefix(for: current)
    }

    /// Makes `replacement` (the new program of execve) the process of `task`, in the old one's
    /// place; the old address space goes once the trap is handled (its trace line may still read
    /// the call's strings), unless a vfork parent still uses it.
    func replace(_ old: Process, with replacement: Process, task: Task) {
        processes[replacement.family.pid] = replacement
        task.process = replacement
        old.execSuccessor = replacement
        old.scheduler = nil
        if old === first { first = replacement }
        loadedSpace = replacement.addressSpace
        if !isShared(old.addressSpace, besides: old) { retiredSpace = old.addressSpace }
    }

    /// Removes zombie `pid` from the table and from its parent's children (wait4's reaping).
    func reap(_ pid: Int64) {
        guard let zombie = processes.removeValue(forKey: pid) else { return }
        processes[zombie.family.parentPID]?.family.children.removeAll { $0 == pid }
    }

    func isShared(_ space: AddressSpace, besides process: Process) -> Bool {
        processes.values.contains { $0 !== process && $0.family.waitStatus == nil && $0.addressSpace === space }
    }

    /// Ends the run with `outcome`: every task but the first process's is killed (a trace line each).
    func finish(_ outcome: ExitOutcome) {
        guard finished == nil else { return }
        finished = outcome
        let firstInstructions = instructions(of: first)
        for task in tasks where task.process !== first {
            if !first.trace.isEmpty {
                first.traceSink.linePrefix = "[pid \(task.tid)] "
                first.traceSink.write("+++ killed by SIGKILL +++")
            }
            end(task.process, status: ProcessFamily.signalledStatus(Signal.kill))
        }
        first.traceSink.linePrefix = ""
        recordSummary(ProcessSummary(first, instructions: firstInstructions))
        removeTasks(of: first)
    }

    func recordSummary(_ summary: ProcessSummary) { endedProcesses.append(summary) }

    func removeTasks(of process: Process) { tasks.removeAll { $0.process === process } }

    func removeTask(_ task: Task) { tasks.removeAll { $0 === task } }

    /// Cuts every process's reference to the scheduler once the run is over (they hold it strongly).
    func detach() {
        for process in processes.values { process.scheduler = nil }
        first.scheduler = nil
        tasks.removeAll()
        processes.removeAll()
    }

    /// Adds a thread's task; it runs when the scheduler picks it.
    func admitThread(_ task: Task) {
        tasks.append(task)
        tasksCreated += 1
        updateTracePrefix(for: current)
    }
}
