import RISCV

/// The part of a process that fork copies as it is (seed: the fields the processes lab's `fork`
/// copies from the parent's `proc`): its program's layout, its options and the small settings the
/// guest changes. `Process.init(forking:)` copies it in one assignment, so a property added here is
/// never forgotten by fork; state that fork copies otherwise (the address space, descriptors,
/// signals) or starts afresh (counters, pending signals) stays in `Process`.
struct ForkedState {
    let hart: Hart
    let stackRegion: RegionID
    let heapRegion: RegionID
    /// Where the heap starts: the page-aligned end of the highest segment.
    let heapStart: UInt64
    /// Where the hart starts: the interpreter's entry when there is one, else the program's.
    let entry: UInt64
    /// The auxv pairs of the initial stack, for /proc/self/auxv.
    let auxiliaryVector: [(key: UInt64, value: UInt64)]
    /// sp at the first instruction, pointing at argc.
    let initialStackPointer: UInt64
    let stackPages: Int
    /// The options the process was started with; execve and fork pass them on.
    let runOptions: RunOptions
    /// The program's host path (`/proc/self/exe`).
    let executablePath: String
    /// The umask applied to files and directories the guest creates.
    var fileCreationMask: UInt64 = 0o022
    /// The nice value of setpriority (-20...19), at first tinyrv's own (as a process inherits its
    /// parent's). tinyrv's scheduler gives every task the same quantum, so it is only reported back.
    var niceValue: Int64 = Host.niceValue
    /// The task name of prctl(PR_GET_NAME), at most 15 bytes: at first the program's file name.
    var taskName: [UInt8]
    /// sched_setscheduler's policy (with SCHED_RESET_ON_FORK) and priority: kept by execve and by
    /// fork, which drops the reset flag and, with it, a real-time policy. Reported back only:
    /// every task gets the same quantum.
    var schedulingPolicy: UInt64 = 0
    var schedulingPriority: UInt64 = 0
    /// personality(2)'s persona (PER_LINUX and its flags), kept by fork and execve.
    var persona: UInt64 = 0
    /// prctl(PR_SET_NO_NEW_PRIVS): once set, kept by fork and execve.
    var noNewPrivileges = false
    /// prctl(PR_SET_DUMPABLE): 1 unless the guest cleared it; a new program starts with 1.
    var dumpable: UInt64 = 1
    /// Where the signal-return trampoline is mapped, once a handler has run (Signals/).
    var signalTrampoline: UInt64?
    /// The scheduler running the machine's tasks while the process runs (a strong reference, cut
    /// by `Scheduler.detach` when the run ends: syscalls read it often and a weak load costs more).
    var scheduler: Scheduler?

    /// The state of a process just loaded from `runOptions`, before it runs.
    init(hart: Hart, stackRegion: RegionID, heapRegion: RegionID, heapStart: UInt64, entry: UInt64,
         auxiliaryVector: [(key: UInt64, value: UInt64)], initialStackPointer: UInt64, runOptions: RunOptions,
         executablePath: String) {
        self.hart = hart
        self.stackRegion = stackRegion
        self.heapRegion = heapRegion
        self.heapStart = heapStart
        self.entry = entry
        self.auxiliaryVector = auxiliaryVector
        self.initialStackPointer = initialStackPointer
        self.stackPages = runOptions.stackPages
        self.runOptions = runOptions
        self.executablePath = executablePath
        self.taskName = Array((executablePath.split(separator: "/").last.map(String.init) ?? "").utf8.prefix(15))
    }
}
