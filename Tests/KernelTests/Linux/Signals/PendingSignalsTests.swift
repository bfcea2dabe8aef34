import Testing
@testable import Kernel

@Suite struct PendingSignalsTests {
    @Test func standardSignalsMergeKeepingTheFirstSiginfo() {
        var pending = PendingSignals()
        let first = pending.add(SignalInfo(signal: 10, code: SignalInfo.user, senderPID: 1))
        let second = pending.add(SignalInfo(signal: 10, code: SignalInfo.tkill, senderPID: 2))
        #expect(first && second)
        #expect(pending.set == SignalState.bit(10))
        #expect(pending.queuedCount == 1)
        let taken = pending.take(10)
        #expect(taken?.senderPID == 1)
        #expect(pending.set == 0)
        let again = pending.take(10)
        #expect(again == nil)
    }

    @Test func realTimeSignalsQueueInOrderAndStayPendingUntilTheLast() {
        var pending = PendingSignals()
        for pid in 1...3 { pending.add(SignalInfo(signal: 40, code: -1, senderPID: Int64(pid))) }
        #expect(pending.queuedCount == 3)
        var senders: [Int64] = []
        while let info = pending.take(40) {
            senders.append(info.senderPID)
            #expect(pending.set == (senders.count < 3 ? SignalState.bit(40) : 0))
        }
        #expect(senders == [1, 2, 3])
    }

    @Test func aFullQueueRefusesSigqueueButMarksKill() {
        var pending = PendingSignals()
        let accepted = (0..<PendingSignals.queueLimit).filter { _ in pending.add(SignalInfo(signal: 33, code: -1)) }.count
        #expect(accepted == PendingSignals.queueLimit)
        let queuedBeyond = pending.add(SignalInfo(signal: 34, code: -1))
        #expect(!queuedBeyond, "SI_QUEUE beyond the limit: EAGAIN")
        #expect(pending.set & SignalState.bit(34) == 0)
        let killed = pending.add(SignalInfo(signal: 34, code: SignalInfo.user))
        #expect(killed, "kill still marks it pending")
        #expect(pending.set & SignalState.bit(34) != 0)
        let taken = pending.take(34)
        #expect(taken == SignalInfo(signal: 34), "with no record of its own")
        let standard = pending.add(SignalInfo(signal: 15, code: SignalInfo.user))
        #expect(standard, "standard signals need no record")
    }

    @Test func aQueuedTimerSignalCountsLaterExpiriesAsOverruns() {
        var pending = PendingSignals()
        var info = SignalInfo(signal: 34, code: TimerSyscalls.timerCode)
        info.timer = SignalInfo.TimerFields(id: 3, overrun: 0, value: 77)
        pending.add(info)
        let counts = [pending.addOverrun(ofTimer: 3, signal: 34, expiries: 1),
                      pending.addOverrun(ofTimer: 3, signal: 34, expiries: 4),
                      pending.addOverrun(ofTimer: 2, signal: 34, expiries: 1),
                      pending.addOverrun(ofTimer: 3, signal: 34, expiries: .max)]
        #expect(counts == [1, 5, nil, .max], "another timer's signal is not queued; the count saturates")
        let taken = pending.take(34)
        #expect(taken?.timer?.overrun == .max)
        let afterTaking = pending.addOverrun(ofTimer: 3, signal: 34, expiries: 1)
        #expect(afterTaking == nil)
    }

    @Test func discardDropsEveryInstance() {
        var pending = PendingSignals()
        pending.add(SignalInfo(signal: 40, code: -1))
        pending.add(SignalInfo(signal: 40, code: -1))
        pending.discard(40)
        #expect(pending.set == 0 && pending.queuedCount == 0)
    }
}
