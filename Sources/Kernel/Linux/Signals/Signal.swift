/// Linux's signals (1...64) on riscv64, and their default actions.
///
/// Signals are delivered (Signals/SignalDelivery): a handler runs on an `rt_sigframe`; without
/// one, the default action applies:
/// - signals whose default is to ignore (SIGCHLD, SIGCONT, SIGURG, SIGWINCH) and the stop signals
///   (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU; processes are never stopped) do nothing;
/// - SIGABRT, SIGSEGV, SIGILL and SIGTRAP kill with the matching `KillReason` (134, 139, 132, 133)
///   and a line such as `tinyrv: killed: abort (SIGABRT) (pc 0x1234)`;
/// - every other signal kills with `KillReason.signal(n)`, status 128 + n (the status a shell reports
///   for qemu-riscv64), and its line, e.g. `tinyrv: killed: killed (SIGKILL) (pc 0x1234)`.
enum Signal {
    static let count = 64
    static let hangUp: UInt64 = 1, interrupt: UInt64 = 2, illegalInstruction: UInt64 = 4, trap: UInt64 = 5
    static let abort: UInt64 = 6, busError: UInt64 = 7, kill: UInt64 = 9, segmentationFault: UInt64 = 11
    static let pipe: UInt64 = 13, alarm: UInt64 = 14, child: UInt64 = 17, stop: UInt64 = 19
    static let virtualAlarm: UInt64 = 26, profilingAlarm: UInt64 = 27

    static let names: [UInt64: String] = [
        1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE",
        9: "SIGKILL", 10: "SIGUSR1", 11: "SIGSEGV", 12: "SIGUSR2", 13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM",
        16: "SIGSTKFLT", 17: "SIGCHLD", 18: "SIGCONT", 19: "SIGSTOP", 20: "SIGTSTP", 21: "SIGTTIN", 22: "SIGTTOU",
        23: "SIGURG", 24: "SIGXCPU", 25: "SIGXFSZ", 26: "SIGVTALRM", 27: "SIGPROF", 28: "SIGWINCH", 29: "SIGIO",
        30: "SIGPWR", 31: "SIGSYS",
    ]
    /// What each kill line says of the signal, as strsignal(3) does (real-time signals: "real-time signal").
    static let descriptions: [UInt64: String] = [
        1: "hangup", 2: "interrupt", 3: "quit", 7: "bus error", 8: "floating-point exception", 9: "killed",
        10: "user defined signal 1", 12: "user defined signal 2", 13: "broken pipe", 14: "alarm clock",
        15: "terminated", 16: "stack fault", 24: "CPU time limit exceeded", 25: "file size limit exceeded",
        26: "virtual timer expired", 27: "profiling timer expired", 29: "I/O possible", 30: "power failure",
        31: "bad system call",
    ]
    /// Signals whose default action is to do nothing, and those that stop the process.
    static let ignoredByDefault: Set<UInt64> = [17, 18, 23, 28]
    static let stopping: Set<UInt64> = [19, 20, 21, 22]
    /// SIGKILL and SIGSTOP: never blocked, caught or ignored.
    static let unblockable: UInt64 = SignalState.bit(kill) | SignalState.bit(stop)
    /// Synchronous fault signals, delivered before any other pending one.
    static let synchronous: [UInt64] = [11, 7, 4, 5, 8, 31]

    /// `SIGTERM`, or `SIGRT34` for a real-time signal.
    static func name(_ signal: UInt64) -> String { names[signal] ?? "SIGRT\(signal)" }

    /// True when the default action of `signal` does nothing here.
    static func isIgnoredByDefault(_ signal: UInt64) -> Bool {
        ignoredByDefault.contains(signal) || stopping.contains(signal)
    }

    /// The kill of `signal`'s default action, with its line: `broken pipe (SIGPIPE) (pc 0x1234)`.
    static func defaultKill(_ signal: UInt64, pc: UInt64) -> Kill {
        let reason: KillReason
        let meaning: String
        switch signal {
        case abort: (reason, meaning) = (.abort, "abort")
        case segmentationFault: (reason, meaning) = (.memoryFault, "segmentation fault")
        case illegalInstruction: (reason, meaning) = (.illegalInstruction, "illegal instruction")
        case trap: (reason, meaning) = (.breakpoint, "trace trap")
        default: (reason, meaning) = (.signal(signal), descriptions[signal] ?? "real-time signal")
        }
        return Kill(reason: reason, message: "\(meaning) (\(name(signal))) (pc \(hex(pc)))")
    }

    /// What a write that found no reader (the host's EPIPE; tinyrv ignores the host's SIGPIPE)
    /// does, as Linux's pipe_write: SIGPIPE goes to the process (its default action kills it, 141,
    /// with its line), and the call returns the bytes it wrote before, else `-EPIPE`.
    static func brokenPipe(_ process: Process, written: Int64) -> SyscallResult {
        process.post(SignalInfo(signal: pipe, code: SignalInfo.user, senderPID: process.family.pid))
        return .value(written > 0 ? written : Errno.EPIPE.negated)
    }
}
