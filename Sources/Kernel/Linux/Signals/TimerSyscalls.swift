/// Timers that post signals (`IntervalTimers`): setitimer/getitimer (ITIMER_REAL and glibc's
/// `alarm`, ITIMER_VIRTUAL, ITIMER_PROF) and the POSIX timers timer_create, timer_settime,
/// timer_gettime, timer_getoverrun and timer_delete. ITIMER_REAL and POSIX timers on the real-time
/// clocks run on wall-clock time, and the scheduler posts their signals also while every task
/// sleeps (`Scheduler.expireTimers`); ITIMER_VIRTUAL, ITIMER_PROF and CLOCK_PROCESS_CPUTIME_ID
/// timers run on the process's CPU time (its instructions at a nominal 100 MIPS, as getrusage
/// counts it), and a slice ends where one expires, so their signals come at the same instruction
/// every run.
enum TimerSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(102, "getitimer", [.decimal, .hex], getitimer),
        SyscallDefinition(103, "setitimer", [.decimal, .hex, .hex], setitimer),
        SyscallDefinition(107, "timer_create", [.decimal, .hex, .hex], timerCreate),
        SyscallDefinition(110, "timer_settime", [.decimal, .decimal, .hex, .hex], timerSettime),
        SyscallDefinition(108, "timer_gettime", [.decimal, .hex], timerGettime),
        SyscallDefinition(109, "timer_getoverrun", [.decimal], timerGetoverrun),
        SyscallDefinition(111, "timer_delete", [.decimal], timerDelete),
    ]

    /// ITIMER_REAL, ITIMER_VIRTUAL and ITIMER_PROF.
    static let realTimer: UInt64 = 0, virtualTimer: UInt64 = 1, profileTimer: UInt64 = 2
    /// CLOCK_PROCESS_CPUTIME_ID.
    static let processTimeClock: UInt64 = 2
    /// SI_TIMER, the si_code of a POSIX timer's signal.
    static let timerCode: Int32 = -2
    /// sigev_notify values.
    static let notifySignal: UInt32 = 0, notifyNone: UInt32 = 1, notifyThreadID: UInt32 = 4
    /// Clocks a POSIX timer may run on: CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID,
    /// CLOCK_BOOTTIME and the _ALARM variants (CLOCK_THREAD_CPUTIME_ID and other processes' CPU
    /// clocks are not implemented: `-EINVAL`).
    static let timerClocks: Set<UInt64> = [0, 1, 2, 7, 8, 9]

    /// setitimer's timer `which`: its id in `IntervalTimers`, the signal it posts, and whether it
    /// runs on process time. Nil for an unknown timer.
    static func intervalTimer(_ which: UInt64) -> (id: Int, signal: UInt64, onProcessTime: Bool)? {
        switch which {
        case realTimer: return (IntervalTimers.realTimerID, Signal.alarm, false)
        case virtualTimer: return (IntervalTimers.virtualTimerID, Signal.virtualAlarm, true)
        case profileTimer: return (IntervalTimers.profileTimerID, Signal.profilingAlarm, true)
        default: return nil
        }
    }

    /// getitimer(which, value): the timer's `{interval, remaining}` as two timevals. `-EINVAL` for
    /// an unknown timer, `-EFAULT`.
    static func getitimer(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard let which = intervalTimer(a[0]) else { return .error(.EINVAL) }
        let now = process.now(onProcessTime: which.onProcessTime)
        try process.copyOutArgument(timevals(process.timers.setting(which.id, at: now)), to: a[1])
        return .value(0)
    }

    /// setitimer(which, new, old): arms ITIMER_REAL (SIGALRM, wall-clock time), ITIMER_VIRTUAL
    /// (SIGVTALRM) or ITIMER_PROF (SIGPROF, both on process time) to post its signal after
    /// `new.it_value` and then every `new.it_interval` (a zero value disarms it); the previous
    /// setting goes to `old` when not NULL. `-EINVAL` for another timer or microseconds out of
    /// range, `-EFAULT` for bad pointers.
    static func setitimer(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard let which = intervalTimer(a[0]) else { return .error(.EINVAL) }
        let now = process.now(onProcessTime: which.onProcessTime)
        let previous = process.timers.setting(which.id, at: now)
        if a[1] != 0 {
            let bytes = try process.copyInArgument(from: a[1], count: 32)
            let interval = try nanoseconds(bytes, at: 0, unit: 1_000), value = try nanoseconds(bytes, at: 16, unit: 1_000)
            process.timers[which.id] = IntervalTimer(
                deadline: value == 0 ? nil : now &+ value, interval: interval, signal: which.signal, code: SignalInfo.kernel,
                onProcessTime: which.onProcessTime)
            process.scheduler?.timerArmed = true
        }
        if a[2] != 0 { try process.copyOutArgument(timevals(previous), to: a[2]) }
        return .value(0)
    }

    /// timer_create(clock, sevp, timerid): a disarmed POSIX timer; its id goes to `*timerid` (an int).
    /// A NULL `sevp` means SIGEV_SIGNAL with SIGALRM and the id as sigev_value. `-EINVAL` for an
    /// unknown clock, notification or signal, `-EAGAIN` past `IntervalTimers.limit` timers.
    static func timerCreate(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let onProcessTime = isProcessTimeClock(a[0], of: process)
        guard timerClocks.contains(a[0]) || onProcessTime else { return .error(.EINVAL) }
        guard let id = process.timers.freeID() else { return .error(.EAGAIN) }
        var timer = IntervalTimer(clock: a[0], signal: Signal.alarm, code: timerCode, value: UInt64(id),
                                  onProcessTime: onProcessTime)
        if a[1] != 0 {
            let event = try process.copyInArgument(from: a[1], count: 24)
            let signal = UInt64(GuestBytes.word(event, at: 8) & 0xffff_ffff)
            let notify = UInt32(truncatingIfNeeded: GuestBytes.word(event, at: 8) >> 32)
            timer.value = GuestBytes.word(event, at: 0)
            timer.signal = signal
            switch notify {
            case notifyNone:
                timer.posts = false
            case notifySignal, notifyThreadID:
                guard (1...UInt64(Signal.count)).contains(signal) else { return .error(.EINVAL) }
                if notify == notifyThreadID {
                    let tid = Int64(Int32(truncatingIfNeeded: GuestBytes.word(event, at: 16)))
                    guard process.scheduler?.task(withID: tid)?.process === process else { return .error(.EINVAL) }
                    timer.thread = tid
                }
            default:
                return .error(.EINVAL)
            }
        }
        try process.copyOutArgument(Array(GuestBytes.words([UInt64(id)])[0..<4]), to: a[2])
        process.timers[id] = timer
        return .value(0)
    }

    /// timer_settime(id, flags, new, old): arms timer `id` at `new.it_value` (relative, or an absolute
    /// time of the timer's clock with TIMER_ABSTIME) and every `new.it_interval` after; a zero
    /// value disarms it. `-EINVAL` for an unknown id, flags or a bad timespec, `-EFAULT`.
    static func timerSettime(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let id = try timerID(process, a[0])
        guard a[1] & ~TimeSyscalls.absoluteTime == 0 else { return .error(.EINVAL) }
        let bytes = try process.copyInArgument(from: a[2], count: 32)
        let interval = try nanoseconds(bytes, at: 0, unit: 1), value = try nanoseconds(bytes, at: 16, unit: 1)
        var timer = process.timers[id]!
        let now = process.now(for: timer)
        let previous = process.timers.setting(id, at: now)
        timer.interval = interval
        timer.overrun = 0
        if value == 0 {
            timer.deadline = nil
        } else if a[1] & TimeSyscalls.absoluteTime != 0, timer.onProcessTime {
            timer.deadline = max(value, now)
        } else if a[1] & TimeSyscalls.absoluteTime != 0 {
            let clockNow = (try? HostClock(guestID: timer.clock)?.now().get()) ?? 0
            timer.deadline = value > clockNow ? now &+ (value - clockNow) : now
        } else {
            timer.deadline = now &+ value
        }
        process.timers[id] = timer
        process.scheduler?.timerArmed = true
        if a[3] != 0 { try process.copyOutArgument(timespecs(previous), to: a[3]) }
        return .value(0)
    }

    /// timer_gettime(id, value): `{interval, remaining}` of timer `id` as two timespecs.
    static func timerGettime(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let id = try timerID(process, a[0])
        try process.copyOutArgument(timespecs(process.timers.setting(id, at: process.now(for: process.timers[id]!))), to: a[1])
        return .value(0)
    }

    /// timer_getoverrun(id): the expiries lost before the last signal was delivered.
    static func timerGetoverrun(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        .value(Int64(process.timers[try timerID(process, a[0])]!.overrun))
    }

    /// timer_delete(id): disarms and frees timer `id`. `-EINVAL` for an unknown id.
    static func timerDelete(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        process.timers[try timerID(process, a[0])] = nil
        return .value(0)
    }

    // MARK: Arguments

    /// True for CLOCK_PROCESS_CPUTIME_ID and for the CPU clock of the calling process as glibc's
    /// clock_getcpuclockid and timer_create name it: `(~pid << 3) | CPUCLOCK_SCHED`, pid 0 or its own.
    static func isProcessTimeClock(_ register: UInt64, of process: Process) -> Bool {
        let clock = Int64(Int32(truncatingIfNeeded: register))
        if clock == Int64(processTimeClock) { return true }
        guard clock < 0, clock & 7 == 2 else { return false }
        let pid = ~(clock >> 3)
        return pid == 0 || pid == process.family.pid
    }

    /// The POSIX timer id in `register` (an int), or `-EINVAL` when no such timer exists.
    private static func timerID(_ process: Process, _ register: UInt64) throws(SyscallFailure) -> Int {
        let id = Int(Int32(truncatingIfNeeded: register))
        guard id >= 0, process.timers[id] != nil else { throw SyscallFailure(.EINVAL) }
        return id
    }

    /// The `{seconds, fraction}` pair at `offset` of `bytes` in nanoseconds, where one fraction
    /// unit is `unit` nanoseconds (1 000 for a timeval). `-EINVAL` when negative or out of range;
    /// times past 2^62 ns are clamped there.
    private static func nanoseconds(_ bytes: [UInt8], at offset: Int, unit: UInt64) throws(SyscallFailure) -> UInt64 {
        let seconds = Int64(bitPattern: GuestBytes.word(bytes, at: offset))
        let fraction = Int64(bitPattern: GuestBytes.word(bytes, at: offset + 8))
        guard seconds >= 0, fraction >= 0, UInt64(fraction) < 1_000_000_000 / unit else { throw SyscallFailure(.EINVAL) }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        return overflow || whole > 1 << 62 ? 1 << 62 : whole + UInt64(fraction) * unit
    }

    /// `struct itimerval`: interval and remaining time as timevals.
    private static func timevals(_ setting: (interval: UInt64, remaining: UInt64)) -> [UInt8] {
        GuestBytes.words([setting.interval / 1_000_000_000, setting.interval % 1_000_000_000 / 1_000,
                          setting.remaining / 1_000_000_000, setting.remaining % 1_000_000_000 / 1_000])
    }

    /// `struct itimerspec`: interval and remaining time as timespecs.
    private static func timespecs(_ setting: (interval: UInt64, remaining: UInt64)) -> [UInt8] {
        GuestBytes.words([setting.interval / 1_000_000_000, setting.interval % 1_000_000_000,
                          setting.remaining / 1_000_000_000, setting.remaining % 1_000_000_000])
    }
}
