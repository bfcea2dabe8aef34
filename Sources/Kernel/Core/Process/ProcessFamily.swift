/// Where a process stands among the others: its ids, its parent and children, and how it ended
/// (the fields of xv6's `struct proc` that fork, exit and wait use).
struct ProcessFamily {
    /// The pid (also the tgid: each process is one task here). The first process is 100.
    var pid: Int64 = Process.processID
    /// The parent's pid. The first process's parent is tinyrv itself, so getppid reports tinyrv's
    /// host pid, as qemu-riscv64 reports its own.
    var parentPID: Int64 = Int64(Host.processID)
    /// The process group and session; the first process leads both.
    var processGroup: Int64 = Process.processID
    var session: Int64 = Process.processID
    /// Live and zombie children, by pid, in creation order.
    var children: [Int64] = []
    /// The signal sent to the parent at exit (clone's CSIGNAL; SIGCHLD for fork).
    var exitSignal: UInt64 = Signal.child
    /// Set when a child exits (or a vfork child execs); a wait4 that found nothing to reap
    /// clears it and blocks until it is set again.
    var childEvent = false
    /// Set once the process has exec'd or exited: a vfork parent waits for this.
    var releasedVforkParent = false
    /// The wait status word once the process has ended (a zombie until reaped), else nil.
    var waitStatus: Int32?
    /// Whether execve has replaced the program since fork (setpgid on such a child is EACCES).
    var hasExecuted = false
    /// prctl(PR_SET_PDEATHSIG): the signal the process gets when its parent ends (0: none). A fork
    /// child starts without one; execve keeps it.
    var parentDeathSignal: UInt64 = 0

    /// The wait status of a process that called exit(code): `(code & 0xff) << 8`.
    static func exitedStatus(_ code: Int64) -> Int32 { Int32(truncatingIfNeeded: (code & 0xff) << 8) }
    /// The wait status of a process killed by `signal` (no core is ever dumped).
    static func signalledStatus(_ signal: UInt64) -> Int32 { Int32(truncatingIfNeeded: signal & 0x7f) }
}
