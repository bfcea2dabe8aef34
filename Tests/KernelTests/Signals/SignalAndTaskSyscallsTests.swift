import Testing
@testable import Kernel

@Suite struct SignalAndTaskSyscallsTests {
    let process: Process
    init() throws { process = try Fixtures.process() }

    @Test func signalsToItselfBecomePendingUnlessIgnored() throws {
        #expect(process.call(129, 100, 6) == 0)
        #expect(process.signals.pending == SignalState.bit(6))
        #expect(process.signals.pendingInfo[6]?.code == SignalInfo.user)
        #expect(process.call(131, 100, 100, 0) == 0, "signal 0 only checks")
        #expect(process.call(130, 100, 11) == 0)
        #expect(process.signals.pendingInfo[11]?.code == SignalInfo.tkill)
        #expect(process.call(129, 100, 17) == 0, "SIGCHLD is ignored by default")
        #expect(process.call(129, 100, 20) == 0, "SIGTSTP would stop; nothing happens")
        #expect(process.signals.pending == SignalState.bit(6) | SignalState.bit(11))
        try process.copyOut(GuestBytes.words(1, 0, 0), to: Scratch.buffer).get()
        #expect(process.call(134, 15, Scratch.buffer, 0, 8) == 0)
        #expect(process.call(129, 100, 15) == 0, "SIG_IGN ignores it")
        #expect(process.signals.pending & SignalState.bit(15) == 0)
        #expect(process.call(129, 7, 15) == Errno.ESRCH.negated)
        #expect(process.call(129, 100, 65) == GuestErrno.EINVAL)
    }

    @Test func defaultKillsKeepTheirStatuses() {
        #expect(Signal.defaultKill(6, pc: 0x10) == Kill(reason: .abort, message: "abort (SIGABRT) (pc 0x10)"))
        #expect(Signal.defaultKill(11, pc: 0x10)?.reason.exitStatus == 139)
        #expect(Signal.defaultKill(15, pc: 0x10) == nil, "SIGTERM ends with 128 + 15 and no kill line")
    }

    @Test func sigaltstackRecordsAndReports() throws {
        #expect(process.call(132, 0, Scratch.buffer) == 0)
        #expect(process.peek(Scratch.buffer, count: 24) == GuestBytes.words(0, 2, 0), "disabled at first")
        try process.copyOut(GuestBytes.words(0x20000, 0, 8192), to: Scratch.path).get()
        #expect(process.call(132, Scratch.path, 0) == 0)
        #expect(process.call(132, 0, Scratch.buffer) == 0)
        #expect(process.peek(Scratch.buffer, count: 24) == GuestBytes.words(0x20000, 0, 8192))
        try process.copyOut(GuestBytes.words(0x20000, 0, 1024), to: Scratch.path).get()
        #expect(process.call(132, Scratch.path, 0) == -12, "ENOMEM below MINSIGSTKSZ")
        try process.copyOut(GuestBytes.words(0, 7, 0), to: Scratch.path).get()
        #expect(process.call(132, Scratch.path, 0) == GuestErrno.EINVAL)
        try process.copyOut(GuestBytes.words(0, 2, 0), to: Scratch.path).get()
        #expect(process.call(132, Scratch.path, Scratch.buffer) == 0)
        #expect(process.peekWord(Scratch.buffer + 16) == 8192, "the old stack")
        #expect(process.task.alternateStack == TaskState.AlternateStack())
        #expect(process.call(132, 0x10000_0000, 0) == -14)
        guard case .kill(let kill) = SyscallTable.definitions[139]!.handler(process, [0, 0, 0, 0, 0, 0]) else {
            Issue.record("rt_sigreturn with no frame kills")
            return
        }
        #expect(kill.reason == .memoryFault)
    }

    @Test func rseqAndHwprobeAreRefused() {
        #expect(process.call(293, 0, 32, 0, 0) == -38)
        #expect(process.call(258, 0, 0, 0, 0, 0) == -38)
    }
}
