import Testing
@testable import Kernel

@Suite struct SignalQueueSyscallsTests {
    let process: Process
    init() throws { process = try Fixtures.process() }

    /// Puts a siginfo with si_code `code`, si_pid 100 and si_value `value` at `Scratch.buffer`.
    func writeSiginfo(code: Int32, value: UInt64) throws {
        var words = [UInt64](repeating: 0, count: 16)
        words[1] = UInt64(UInt32(bitPattern: code))
        words[2] = 100
        words[3] = value
        try process.copyOut(GuestBytes.words(words), to: Scratch.buffer).get()
    }

    @Test func sigqueueinfoQueuesTheSendersSiginfo() throws {
        for value in [7, 8] as [UInt64] {
            try writeSiginfo(code: -1, value: value)
            #expect(process.call(138, 100, 40, Scratch.buffer) == 0)
        }
        #expect(process.signals.pendingSignals.queuedCount == 2)
        let first = process.signals.pendingSignals.first(40)
        #expect(first?.code == -1 && first?.senderPID == 100)
        let bytes = try #require(first?.bytes)
        #expect(GuestBytes.word32(bytes, at: 0) == 40, "si_signo is the signal sent")
        #expect(GuestBytes.word(bytes, at: 24) == 7, "si_value as given")
    }

    @Test func sigqueueinfoChecksLikeLinux() throws {
        try writeSiginfo(code: SignalInfo.user, value: 0)
        #expect(process.call(138, 100, 40, Scratch.buffer) == 0, "SI_USER to itself is allowed")
        #expect(process.call(138, 101, 40, Scratch.buffer) == Errno.EPERM.negated, "not to another task")
        try writeSiginfo(code: SignalInfo.tkill, value: 0)
        #expect(process.call(138, 101, 40, Scratch.buffer) == Errno.EPERM.negated)
        try writeSiginfo(code: -1, value: 0)
        #expect(process.call(138, 101, 40, Scratch.buffer) == Errno.ESRCH.negated)
        #expect(process.call(138, 100, 65, Scratch.buffer) == Errno.EINVAL.negated)
        #expect(process.call(138, 100, 40, 0) == Errno.EFAULT.negated)
        #expect(process.call(138, 100, 0, Scratch.buffer) == 0, "signal 0 only checks")
        #expect(process.call(240, 0, 100, 40, Scratch.buffer) == Errno.EINVAL.negated)
        #expect(process.call(240, 100, 101, 40, Scratch.buffer) == Errno.ESRCH.negated)
    }

    @Test func aFullQueueAnswersEAGAIN() throws {
        try writeSiginfo(code: -1, value: 0)
        for _ in 0..<PendingSignals.queueLimit { _ = process.call(138, 100, 40, Scratch.buffer) }
        #expect(process.call(138, 100, 41, Scratch.buffer) == Errno.EAGAIN.negated)
    }
}
