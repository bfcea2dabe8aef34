/// One timer of a process: a setitimer timer (ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF) or a POSIX
/// timer of timer_create. Times are CLOCK_MONOTONIC nanoseconds (an absolute CLOCK_REALTIME time is
/// converted when armed), or for a timer on process time, nanoseconds of the process's CPU time
/// (`Process.processTime`).
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
    /// Whether it runs on the process's CPU time (ITIMER_VIRTUAL, ITIMER_PROF,
    /// CLOCK_PROCESS_CPUTIME_ID) rather than on wall-clock time.
    var onProcessTime = false
}

/// A process's timers by id (POSIX timer ids from 0; setitimer's at negative ids), which fork does
/// not copy and execve keeps, as on Linux.
struct IntervalTimers {
    /// The keys of setitimer's ITIMER_REAL, ITIMER_VIRTUAL and ITIMER_PROF timers.
    static let realTimerID = -1, virtualTimerID = -2, profileTimerID = -3
    /// The most POSIX timers a process may hold (`-EAGAIN` beyond).
    static let limit = 1024

    private(set) var timers: [Int: IntervalTimer] = [:]

    /// The earliest deadline of an armed wall-clock timer, or nil when none is armed.
    var nextDeadline: UInt64? { nextDeadline(onProcessTime: false) }
    /// The earliest deadline of an armed process-time timer, or nil when none is armed.
    var nextProcessTimeDeadline: UInt64? { nextDeadline(onProcessTime: true) }

    private func nextDeadline(onProcessTime: Bool) -> UInt64? {
        timers.values.compactMap { $0.onProcessTime == onProcessTime ? $0.deadline : nil }.min()
    }

    subscript(id: Int) -> IntervalTimer? {
        get { timers[id] }
        set { timers[id] = newValue }
    }

    /// The lowest free POSIX timer id, or nil at `limit`.
    func freeID() -> Int? {
        (0..<IntervalTimers.limit).first { timers[$0] == nil }
    }

    /// Fires every timer of the kind `onProcessTime` whose deadline is at or before `now` (of that
    /// time base): returns them as they were, with the expiries missed since counted in `overrun`,
    /// and re-arms the periodic ones (disarms the rest).
    mutating func expire(at now: UInt64, onProcessTime: Bool = false) -> [(id: Int, timer: IntervalTimer)] {
        var fired: [(id: Int, timer: IntervalTimer)] = []
        for (id, timer) in timers.sorted(by: { $0.key < $1.key }) where timer.onProcessTime == onProcessTime {
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

extension Process {
    /// Nanoseconds of CPU time one retired instruction stands for: a nominal 100 MIPS, as
    /// getrusage, times and /proc count it.
    static let nanosecondsPerInstruction: UInt64 = 10

    /// The process's CPU time in nanoseconds: its threads' retired instructions at a nominal
    /// 100 MIPS, the time base of ITIMER_VIRTUAL, ITIMER_PROF and CLOCK_PROCESS_CPUTIME_ID timers.
    var processTime: UInt64 {
        (scheduler?.instructions(of: self) ?? hart.instructionsRetired) &* Process.nanosecondsPerInstruction
    }

    /// Now, on process time or on the monotonic clock.
    func now(onProcessTime: Bool) -> UInt64 { onProcessTime ? processTime : Host.monotonicNow() }

    /// Now, on the time base of `timer`.
    func now(for timer: IntervalTimer) -> UInt64 { now(onProcessTime: timer.onProcessTime) }
}
