/// The scheduler's side of the processes' timers (`IntervalTimers`): it posts their signals when
/// they expire, looks at the clock at least every quantum while one is armed, and wakes from a
/// host wait for the earliest.
extension Scheduler {
    /// Posts the signal of every expired timer of a live process (in pid order), to its thread for
    /// SIGEV_THREAD_ID, and re-arms the periodic ones.
    func expireTimers() {
        let now = Host.monotonicNow()
        for process in liveProcesses {
            guard let next = process.timers.nextDeadline, next <= now else { continue }
            for (id, timer) in process.timers.expire(at: now) where timer.posts {
                var info = SignalInfo(signal: timer.signal, code: timer.code)
                if timer.code == TimerSyscalls.timerCode {
                    info.timer = SignalInfo.TimerFields(id: Int32(id), overrun: timer.overrun, value: timer.value)
                }
                if let tid = timer.thread, let task = task(withID: tid), task.process === process {
                    process.post(info, to: task)
                } else {
                    process.post(info)
                }
            }
        }
    }

    /// The earliest expiry of a live process's timer, or nil when none is armed.
    var nextTimerDeadline: UInt64? { liveProcesses.compactMap(\.timers.nextDeadline).min() }

    /// True when a blocking host call must not block tinyrv: another task could run, or a timer
    /// will post a signal that interrupts the wait.
    var waitsMustNotBlockHost: Bool { hasOtherTasks || nextTimerDeadline != nil }
}
