/// One timer of a process: the setitimer(ITIMER_REAL) timer or a POSIX timer of timer_create.
/// Times are CLOCK_MONOTONIC nanoseconds; an absolute CLOCK_REALTIME time is converted when armed.
struct IntervalTimer: Equatable {
    /// When it next expires, or nil while disarmed.
    var deadline: UInt64?
    /// The clock an absolute time given to timer_settime is read on (CLOCK_MONOTONIC for setitimer).
    var clock: UInt64 = 1
    /// The period after each expiry (0: it expires once).
    var interval: UInt64 = 0
    /// What an expiry posts: the signal, its si_code, and (for POSIX timers) sigev_value.
    var signal: UInt64
    var code: Int32
    var value: UInt64 = 0
    /// SIGEV_THREAD_ID: the thread that gets the signal (else the process).
    var thread: Int64?
    /// SIGEV_NONE: it expires without posting anything.
    var posts = true
    /// Expiries that found the previous signal still pending (timer_getoverrun).
    var overrun: Int32 = 0
}

/// A process's timers by id (POSIX timer ids from 0; the ITIMER_REAL timer at `realTimerID`),
/// which fork does not copy and execve keeps, as on Linux.
struct IntervalTimers {
    /// The key of setitimer's ITIMER_REAL timer.
    static let realTimerID = -1
    /// The most POSIX timers a process may hold (`-EAGAIN` beyond).
    static let limit = 1024

    private(set) var timers: [Int: IntervalTimer] = [:]

    /// The earliest deadline of an armed timer, or nil when none is armed.
    var nextDeadline: UInt64? { timers.values.compactMap(\.deadline).min() }

    subscript(id: Int) -> IntervalTimer? {
        get { timers[id] }
        set { timers[id] = newValue }
    }

    /// The lowest free POSIX timer id, or nil at `limit`.
    func freeID() -> Int? {
        (0..<IntervalTimers.limit).first { timers[$0] == nil }
    }

    /// Fires every timer whose deadline is at or before `now`: returns them as they were, with the
    /// expiries missed since counted in `overrun`, and re-arms the periodic ones (disarms the rest).
    mutating func expire(at now: UInt64) -> [(id: Int, timer: IntervalTimer)] {
        var fired: [(id: Int, timer: IntervalTimer)] = []
        for (id, timer) in timers.sorted(by: { $0.key < $1.key }) {
            guard let deadline = timer.deadline, deadline <= now else { continue }
            var next = timer
            if timer.interval == 0 {
                next.deadline = nil
            } else {
                let missed = (now - deadline) / timer.interval
                next.deadline = deadline &+ (missed + 1) &* timer.interval
                next.overrun = Int32(clamping: missed)
            }
            timers[id] = next
            var expired = timer
            expired.overrun = next.overrun
            fired.append((id, expired))
        }
        return fired
    }

    /// `{interval, remaining}` of timer `id` at `now`, in nanoseconds (zeros when disarmed).
    func setting(_ id: Int, at now: UInt64) -> (interval: UInt64, remaining: UInt64) {
        guard let timer = timers[id] else { return (0, 0) }
        let remaining = timer.deadline.map { $0 > now ? $0 - now : 1 } ?? 0
        return (timer.interval, remaining)
    }
}
