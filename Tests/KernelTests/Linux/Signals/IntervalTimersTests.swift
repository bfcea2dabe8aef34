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

    @Test func processTimeTimersAreKeptApartFromWallClockOnes() {
        var timers = IntervalTimers()
        timers[IntervalTimers.realTimerID] = IntervalTimer(deadline: 500, signal: Signal.alarm, code: SignalInfo.kernel)
        timers[IntervalTimers.profileTimerID] = IntervalTimer(deadline: 100, interval: 100, signal: Signal.profilingAlarm,
                                                             code: SignalInfo.kernel, onProcessTime: true)
        #expect(timers.nextDeadline == 500, "the host clock waits only for wall-clock timers")
        #expect(timers.nextProcessTimeDeadline == 100)
        #expect(timers.expire(at: 1_000).map(\.id) == [IntervalTimers.realTimerID])
        let fired = timers.expire(at: 250, onProcessTime: true)
        #expect(fired.map(\.id) == [IntervalTimers.profileTimerID] && fired[0].timer.overrun == 1)
        #expect(timers.nextProcessTimeDeadline == 300)
        timers[IntervalTimers.profileTimerID] = nil
        #expect(timers.nextProcessTimeDeadline == nil)
    }

    @Test func setitimerArmsTheVirtualAndProfilingTimersOnProcessTime() throws {
        let process = try Fixtures.process()
        try process.copyOut(GuestBytes.words(0, 0, 0, 20_000), to: Scratch.buffer).get()
        #expect(process.call(103, TimerSyscalls.virtualTimer, Scratch.buffer, 0) == 0)
        let timer = try #require(process.timers[IntervalTimers.virtualTimerID])
        #expect(timer.onProcessTime && timer.signal == Signal.virtualAlarm)
        #expect(timer.deadline == process.processTime + 20_000_000)
        #expect(process.call(102, TimerSyscalls.virtualTimer, Scratch.buffer) == 0)
        #expect(try process.copyIn(from: Scratch.buffer + 16, count: 16).get() == GuestBytes.words(0, 20_000))
        #expect(process.call(103, 3, Scratch.buffer, 0) == Errno.EINVAL.negated)
        #expect(TimerSyscalls.isProcessTimeClock(UInt64(bitPattern: -6), of: process), "glibc's CPU clock of pid 0")
        #expect(!TimerSyscalls.isProcessTimeClock(UInt64(bitPattern: -2), of: process), "a thread's CPU clock")
        #expect(TimerSyscalls.isProcessTimeClock(UInt64(bitPattern: (~100 << 3) | 2), of: process))
    }
}
