import Testing
@testable import Kernel

/// The timers' bookkeeping: what expires when, re-arming, overruns and what getitimer reports.
@Suite struct IntervalTimersTests {
    @Test func aOneShotTimerFiresOnceAndDisarms() {
        var timers = IntervalTimers()
        timers[IntervalTimers.realTimerID] = IntervalTimer(deadline: 1_000, signal: Signal.alarm, code: SignalInfo.kernel)
        #expect(timers.nextDeadline == 1_000)
        #expect(timers.expire(at: 999).isEmpty)
        let fired = timers.expire(at: 1_000)
        #expect(fired.map(\.id) == [IntervalTimers.realTimerID] && fired[0].timer.signal == Signal.alarm)
        #expect(timers.nextDeadline == nil)
        #expect(timers.setting(IntervalTimers.realTimerID, at: 2_000) == (interval: 0, remaining: 0))
    }

    @Test func aPeriodicTimerReArmsOnItsGridAndCountsMissedExpiries() {
        var timers = IntervalTimers()
        timers[0] = IntervalTimer(deadline: 100, interval: 50, signal: 10, code: TimerSyscalls.timerCode, value: 7)
        let fired = timers.expire(at: 260)
        #expect(fired.count == 1 && fired[0].timer.overrun == 3 && fired[0].timer.value == 7, "100 fired; 150, 200, 250 missed")
        #expect(timers.nextDeadline == 300)
        #expect(timers.setting(0, at: 280) == (interval: 50, remaining: 20))
        #expect(timers.expire(at: 300).first?.timer.overrun == 0)
    }

    @Test func timersFireInIdOrderAndIdsAreReused() {
        var timers = IntervalTimers()
        timers[1] = IntervalTimer(deadline: 10, signal: 12, code: TimerSyscalls.timerCode)
        timers[0] = IntervalTimer(deadline: 20, signal: 10, code: TimerSyscalls.timerCode)
        #expect(timers.expire(at: 30).map(\.id) == [0, 1])
        #expect(timers.freeID() == 2)
        timers[0] = nil
        #expect(timers.freeID() == 0)
    }
}
