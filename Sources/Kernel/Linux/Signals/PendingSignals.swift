/// Signals sent and not yet taken, with their siginfo: Linux's `struct sigpending` (a set and a
/// queue). A standard signal (1-31) is pending once, with the siginfo of its first sending;
/// every sending of a real-time signal (32-64) queues, in order, and each is delivered.
struct PendingSignals: Equatable {
    /// Bit n-1 for signal n.
    private(set) var set: UInt64 = 0
    /// The siginfo of each pending signal, oldest first (one at most for a standard signal).
    private var queues: [UInt64: [SignalInfo]] = [:]

    /// The first real-time signal: from it on, signals queue.
    static let firstRealTime: UInt64 = 32
    /// How many siginfo records a process or thread may hold queued (Linux's RLIMIT_SIGPENDING,
    /// which counts per user; here per pending set).
    static let queueLimit = 4096

    /// Signals queued, every instance counted (`SigQ` of /proc/<pid>/status).
    var queuedCount: Int { queues.values.reduce(0) { $0 + $1.count } }

    /// The siginfo the next `take(signal)` returns, if `signal` is pending with one.
    func first(_ signal: UInt64) -> SignalInfo? { queues[signal]?.first }

    /// Makes `info.signal` pending. A standard signal already pending is merged (its first
    /// siginfo stays). A real-time signal queues; when the queue is full, one sent by kill
    /// (`SI_USER`) is still marked pending without a record, and any other is refused: false,
    /// which rt_sigqueueinfo and timers report as `-EAGAIN` (Linux's __send_signal).
    @discardableResult
    mutating func add(_ info: SignalInfo) -> Bool {
        let bit = SignalState.bit(info.signal)
        if info.signal < PendingSignals.firstRealTime {
            if set & bit == 0 { queues[info.signal] = [info] }
        } else if queuedCount < PendingSignals.queueLimit {
            queues[info.signal, default: []].append(info)
        } else if info.code != SignalInfo.user {
            return false
        }
        set |= bit
        return true
    }

    /// Takes the oldest instance of `signal` (nil when it is not pending); the signal stays
    /// pending while more instances are queued.
    mutating func take(_ signal: UInt64) -> SignalInfo? {
        let bit = SignalState.bit(signal)
        guard set & bit != 0 else { return nil }
        var queue = queues.removeValue(forKey: signal) ?? []
        let info = queue.isEmpty ? SignalInfo(signal: signal) : queue.removeFirst()
        if queue.isEmpty { set &= ~bit } else { queues[signal] = queue }
        return info
    }

    /// When the signal of POSIX timer `id` is still queued, counts `expiries` more overruns in its
    /// siginfo and returns the new count (Linux queues a timer's signal once: a later expiry only
    /// adds to si_overrun); nil when it is not queued.
    mutating func addOverrun(ofTimer id: Int32, signal: UInt64, expiries: Int32) -> Int32? {
        guard let index = queues[signal]?.firstIndex(where: { $0.timer?.id == id }) else { return nil }
        let overrun = queues[signal]![index].timer!.overrun.addingReportingOverflow(expiries)
        let total = overrun.overflow ? Int32.max : overrun.partialValue
        queues[signal]![index].timer!.overrun = total
        return total
    }

    /// Drops every instance of `signal` (its action now ignores it).
    mutating func discard(_ signal: UInt64) {
        set &= ~SignalState.bit(signal)
        queues[signal] = nil
    }
}
