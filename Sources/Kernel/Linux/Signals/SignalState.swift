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

/// A process's signals: actions per signal, the blocked mask and the pending set.
struct SignalState {
    /// The asm-generic `struct sigaction` bytes (handler, flags, mask), per signal 1...64.
    var actions: [UInt64: [UInt8]] = [:]
    /// The blocked set (bit n-1 for signal n).
    var mask: UInt64 = 0
    /// Signals sent to the process and not yet delivered, with their siginfo.
    var pendingSignals = PendingSignals()
    /// The pending set (bit n-1 for signal n).
    var pending: UInt64 { pendingSignals.set }
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
