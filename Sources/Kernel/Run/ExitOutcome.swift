/// Why the kernel killed a process; each maps to the signal-like exit status of docs/architecture.md.
public enum KillReason: Equatable, Sendable {
    /// A page fault outside every region, an access its region forbids, an access fault, or a
    /// misaligned atomic: 139 (SIGSEGV).
    case memoryFault
    /// An illegal instruction: 132 (SIGILL).
    case illegalInstruction
    /// `ebreak` with no debugger attached: 133 (SIGTRAP).
    case breakpoint
    /// `tgkill`/`kill` with SIGABRT on itself: 134 (SIGABRT).
    case abort
    /// Guest RAM ran out while handling a fault: 137 (SIGKILL).
    case outOfMemory
    /// Any other signal (1...64) whose default action ends the process, e.g. SIGKILL sent to
    /// itself, SIGBUS, SIGFPE or a broken pipe's SIGPIPE: 128 + the signal.
    case signal(UInt64)
    /// The debugger killed the guest, or it went away: 137 (SIGKILL).
    case debugger
    /// An access to a page of a file mapping wholly past the end of the file: 135 (SIGBUS).
    case busError
    /// Every task was blocked with nothing on the host that could wake one: 137 (SIGKILL).
    case deadlock

    /// 128 + the signal number.
    public var exitStatus: Int32 {
        switch self {
        case .memoryFault: return 139
        case .illegalInstruction: return 132
        case .breakpoint: return 133
        case .abort: return 134
        case .outOfMemory, .debugger, .deadlock: return 137
        case .busError: return 135
        case .signal(let number): return 128 + Int32(truncatingIfNeeded: number & 0x7f)
        }
    }

    /// The signal a child killed for this reason reports to its parent's wait4.
    var signal: UInt64 {
        switch self {
        case .memoryFault: return 11
        case .illegalInstruction: return 4
        case .breakpoint: return 5
        case .abort: return 6
        case .outOfMemory, .debugger, .deadlock: return 9
        case .busError: return 7
        case .signal(let number): return number
        }
    }
}

/// How a run ended.
public enum ExitOutcome: Equatable, Sendable {
    /// The guest called `exit`/`exit_group` with `code` (the full a0 value).
    case exited(code: Int64)
    /// The kernel killed the guest. `message` is the text after `tinyrv: killed: `, e.g.
    /// `store page fault at 0x0 (pc 0x10a4c): no memory region`.
    case killed(KillReason, message: String)
    /// `--max-instructions` retired before the guest exited.
    case budgetExhausted

    /// The exit status of `tinyrv run` (docs/architecture.md): the code `& 0xff`, the kill's status, or 124.
    public var exitStatus: Int32 {
        switch self {
        case .exited(let code): return Int32(truncatingIfNeeded: code & 0xff)
        case .killed(let reason, _): return reason.exitStatus
        case .budgetExhausted: return 124
        }
    }

    /// The one line the CLI prints on stderr for a kill or an exhausted budget, nil for an exit.
    /// The kernel itself never prints it.
    public var diagnosticLine: String? {
        switch self {
        case .exited: return nil
        case .killed(_, let message): return "tinyrv: killed: " + message
        case .budgetExhausted: return "tinyrv: stopped: instruction budget exhausted (--max-instructions)"
        }
    }
}
