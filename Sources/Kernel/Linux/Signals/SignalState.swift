/// One signal's action, as the asm-generic `struct sigaction` of riscv64 holds it: handler,
/// flags and mask, 24 bytes (there is no sa_restorer on riscv64).
struct SignalAction: Equatable {
    var handler: UInt64 = 0
    var flags: UInt64 = 0
    var mask: UInt64 = 0

    /// SIG_DFL and SIG_IGN.
    static let defaultHandler: UInt64 = 0, ignoreHandler: UInt64 = 1
    /// SA_SIGINFO, SA_ONSTACK, SA_RESTART, SA_NODEFER, SA_RESETHAND.
    static let siginfo: UInt64 = 4, onStack: UInt64 = 0x0800_0000, restart: UInt64 = 0x1000_0000
    static let noDefer: UInt64 = 0x4000_0000, resetHand: UInt64 = 0x8000_0000
    /// SA_NOCLDWAIT: children of a process that sets it on SIGCHLD are reaped at once.
    static let noChildWait: UInt64 = 2

    init(handler: UInt64 = 0, flags: UInt64 = 0, mask: UInt64 = 0) {
        self.handler = handler
        self.flags = flags
        self.mask = mask
    }

    /// The action in its 24 guest bytes. Precondition: 24 bytes.
    init(bytes: [UInt8]) {
        self.init(handler: GuestBytes.word(bytes, at: 0), flags: GuestBytes.word(bytes, at: 8), mask: GuestBytes.word(bytes, at: 16))
    }

    var bytes: [UInt8] { GuestBytes.words(handler, flags, mask) }
    var isHandler: Bool { handler != SignalAction.defaultHandler && handler != SignalAction.ignoreHandler }
}

/// What the kernel records about one pending signal for its `siginfo_t`.
struct SignalInfo: Equatable {
    var signal: UInt64
    /// si_code: SI_USER (0) for kill, SI_TKILL (-6) for tkill/tgkill, SI_KERNEL (0x80), or the
    /// fault's code (SEGV_MAPERR 1, ...), CLD_EXITED (1) / CLD_KILLED (2) for SIGCHLD.
    var code: Int32 = 0
    /// si_pid and si_uid of the sender (kill, SIGCHLD).
    var senderPID: Int64 = 0
    var senderUID: UInt32 = 0
    /// si_addr of a fault.
    var address: UInt64 = 0
    /// si_status of SIGCHLD: the exit code or the signal.
    var status: Int32 = 0
    /// Whether si_addr (faults) or si_status (SIGCHLD) is the union's member.
    var isFault = false
    /// si_timerid, si_overrun and si_value of a POSIX timer's signal (SI_TIMER).
    var timer: TimerFields?

    struct TimerFields: Equatable {
        var id: Int32
        var overrun: Int32
        var value: UInt64
    }

    static let user: Int32 = 0, tkill: Int32 = -6, kernel: Int32 = 0x80

    /// `{si_signo=SIGSEGV, si_code=1, si_addr=0x40}` as strace shows a delivered signal.
    var traceText: String {
        let detail = isFault ? "si_addr=\(hex(address))" : "si_pid=\(senderPID), si_uid=\(senderUID)"
            + (signal == Signal.child ? ", si_status=\(status)" : "")
        return "{si_signo=\(Signal.name(signal)), si_code=\(code), \(detail)}"
    }

    /// The 128-byte `siginfo_t`: signo, errno, code, then the union at offset 16 (pid, uid, then
    /// status for SIGCHLD; the address for faults).
    var bytes: [UInt8] {
        var words = [UInt64](repeating: 0, count: 16)
        words[0] = signal & 0xffff_ffff
        words[1] = UInt64(UInt32(bitPattern: code))
        if isFault {
            words[2] = address
        } else if let timer {
            words[2] = UInt64(UInt32(bitPattern: timer.id)) | UInt64(UInt32(bitPattern: timer.overrun)) << 32
            words[3] = timer.value
        } else {
            words[2] = UInt64(UInt32(truncatingIfNeeded: senderPID)) | UInt64(senderUID) << 32
            words[3] = UInt64(UInt32(bitPattern: status))
        }
        return GuestBytes.words(words)
    }
}

/// A process's signals: actions per signal, the blocked mask and the pending set.
struct SignalState {
    /// The asm-generic `struct sigaction` bytes (handler, flags, mask), per signal 1...64.
    var actions: [UInt64: [UInt8]] = [:]
    /// The blocked set (bit n-1 for signal n).
    var mask: UInt64 = 0
    /// Signals sent and not yet delivered, with what their siginfo says.
    var pending: UInt64 = 0
    var pendingInfo: [UInt64: SignalInfo] = [:]
    /// rt_sigsuspend's saved mask, restored when the handler it waited for returns.
    var savedMask: UInt64?

    /// The action for `signal` (SIG_DFL if none was set).
    func action(_ signal: UInt64) -> SignalAction {
        actions[signal].map(SignalAction.init(bytes:)) ?? SignalAction()
    }

    /// The bit of `signal` in a set.
    static func bit(_ signal: UInt64) -> UInt64 { 1 << (signal - 1) }

    /// Pending signals that are not blocked.
    var deliverable: UInt64 { pending & ~mask }

    /// The child's copy at fork: the same actions and mask, nothing pending.
    func forkCopy() -> SignalState {
        SignalState(actions: actions, mask: mask)
    }

    /// The state after execve: handled signals go back to SIG_DFL, ignored ones stay ignored; the
    /// mask and pending set stay.
    func afterExec() -> SignalState {
        var copy = self
        copy.actions = actions.filter { SignalAction(bytes: $0.value).handler == SignalAction.ignoreHandler }
        copy.savedMask = nil
        return copy
    }
}
