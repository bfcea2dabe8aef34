/// The scheduler's side of the processes' timers (`IntervalTimers`): it posts their signals when
/// they expire, looks at the clock at least every quantum while one is armed, and wakes from a
/// host wait for the earliest.
extension Scheduler {
    /// Posts the signal of every expired timer of a live process (in pid order), to its thread for
    /// SIGEV_THREAD_ID, and re-arms the periodic ones. A POSIX timer whose signal is still queued
    /// is not queued again: the expiry counts as an overrun of the queued one, as on Linux.
    func expireTimers() {
        let now = Host.monotonicNow()
        for process in liveProcesses {
            guard let next = process.timers.nextDeadline, next <= now else { continue }
            for (id, timer) in process.timers.expire(at: now) where timer.posts {
                let thread = timer.thread.flatMap { task(withID: $0) }.flatMap { $0.process === process ? $0 : nil }
                var info = SignalInfo(signal: timer.signal, code: timer.code)
                if timer.code == TimerSyscalls.timerCode {
                    let expiries = Int32(clamping: Int64(timer.overrun) + 1)
                    let queued = thread?.pendingSignals.addOverrun(ofTimer: Int32(id), signal: timer.signal, expiries: expiries)
                        ?? (thread == nil ? process.signals.pendingSignals.addOverrun(ofTimer: Int32(id), signal: timer.signal, expiries: expiries) : nil)
                    if let queued {
                        process.timers[id]?.overrun = queued
                        continue
                    }
                    info.timer = SignalInfo.TimerFields(id: Int32(id), overrun: timer.overrun, value: timer.value)
                }
                if let thread { process.post(info, to: thread) } else { process.post(info) }
            }
        }
    }

    /// The earliest expiry of a live process's timer, or nil when none is armed.
    var nextTimerDeadline: UInt64? { liveProcesses.compactMap(\.timers.nextDeadline).min() }

    /// True when a blocking host call must not block tinyrv: another task could run, or a timer
    /// will post a signal that interrupts the wait.
    var waitsMustNotBlockHost: Bool { hasOtherTasks || nextTimerDeadline != nil }
}
