/// The scheduler's side of the processes' timers (`IntervalTimers`): it posts their signals when
/// they expire, looks at the clock at least every quantum while a wall-clock one is armed, and
/// wakes from a host wait for the earliest; a slice ends where a process-time timer expires.
extension Scheduler {
    /// Posts the signal of every expired wall-clock timer of a live process (in pid order).
    func expireTimers() {
        let now = Host.monotonicNow()
        for process in liveProcesses {
            guard let next = process.timers.nextDeadline, next <= now else { continue }
            post(process.timers.expire(at: now), of: process)
        }
    }

    /// Posts the signals of `process`'s process-time timers that its CPU time has reached.
    func expireProcessTimeTimers(of process: Process) {
        let now = process.processTime
        guard let next = process.processTimeDeadline, next <= now else { return }
        post(process.timers.expire(at: now, onProcessTime: true), of: process)
    }

    /// Instructions `process` may retire before its earliest process-time timer expires, or nil
    /// when none is armed: the scheduler ends a slice there, so the signal comes on time. At least
    /// `processTimeResolution`, as Linux checks CPU timers once a tick: a timer of 1 ns cannot make
    /// the process run one instruction at a time.
    func instructionsBeforeProcessTimeTimer(of process: Process) -> UInt64? {
        guard let deadline = process.processTimeDeadline else { return nil }
        let now = process.processTime
        let left = deadline > now ? (deadline - now) / Process.nanosecondsPerInstruction : 0
        return max(Scheduler.processTimeResolution, left)
    }

    /// The shortest slice a process-time timer makes: 10 000 instructions, 100 µs of process time.
    static let processTimeResolution: UInt64 = 10_000

    /// Posts the signals of `fired` timers of `process`, to its thread for SIGEV_THREAD_ID; a
    /// POSIX timer whose signal is still queued is not queued again: the expiry counts as an
    /// overrun of the queued one, as on Linux.
    private func post(_ fired: [(id: Int, timer: IntervalTimer)], of process: Process) {
        for (id, timer) in fired where timer.posts {
            let thread = timer.thread.flatMap { task(withID: $0) }.flatMap { $0.process === process ? $0 : nil }
            var info = SignalInfo(signal: timer.signal, code: timer.code)
            if timer.code == TimerSyscalls.timerCode {
                let expiries = Int32(clamping: Int64(timer.overrun) + 1)
                let queued: Int32?
                if let thread {
                    queued = thread.pendingSignals.addOverrun(ofTimer: Int32(id), signal: timer.signal, expiries: expiries)
                } else {
                    queued = process.signals.pendingSignals.addOverrun(ofTimer: Int32(id), signal: timer.signal, expiries: expiries)
                }
                if let queued {
                    process.timers[id]?.overrun = queued
                    continue
                }
                info.timer = SignalInfo.TimerFields(id: Int32(id), overrun: timer.overrun, value: timer.value)
            }
            if let thread { process.post(info, to: thread) } else { process.post(info) }
        }
    }

    /// The earliest expiry of a live process's timer, or nil when none is armed.
    var nextTimerDeadline: UInt64? { liveProcesses.compactMap(\.timers.nextDeadline).min() }

    /// True when a blocking host call must not block tinyrv: another task could run, or a timer
    /// will post a signal that interrupts the wait.
    var waitsMustNotBlockHost: Bool { hasOtherTasks || nextTimerDeadline != nil }
}
