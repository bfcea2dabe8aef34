#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Kernel

@Suite struct SignalAndTaskSyscallsTests {
    let process: Process
    init() throws { process = try Fixtures.process() }

    @Test func signalsToItselfBecomePendingUnlessIgnored() throws {
        #expect(process.call(129, 100, 6) == 0)
        #expect(process.signals.pending == SignalState.bit(6))
        #expect(process.signals.pendingSignals.first(6)?.code == SignalInfo.user)
        #expect(process.call(131, 100, 100, 0) == 0, "signal 0 only checks")
        #expect(process.call(130, 100, 11) == 0)
        #expect(process.signals.pendingSignals.first(11)?.code == SignalInfo.tkill)
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
        #expect(Signal.defaultKill(11, pc: 0x10).reason.exitStatus == 139)
        #expect(Signal.defaultKill(15, pc: 0x10) == Kill(reason: .signal(15), message: "terminated (SIGTERM) (pc 0x10)"),
                "SIGTERM: 128 + 15, with its line")
    }

    @Test func everyDeathBySignalHasItsLineAndStatus() throws {
        let expected: [(UInt64, String, Int32)] = [
            (9, "killed (SIGKILL) (pc 0x0)", 137), (7, "bus error (SIGBUS) (pc 0x0)", 135),
            (8, "floating-point exception (SIGFPE) (pc 0x0)", 136), (13, "broken pipe (SIGPIPE) (pc 0x0)", 141),
            (1, "hangup (SIGHUP) (pc 0x0)", 129), (14, "alarm clock (SIGALRM) (pc 0x0)", 142),
            (34, "real-time signal (SIGRT34) (pc 0x0)", 162), (64, "real-time signal (SIGRT64) (pc 0x0)", 192),
        ]
        for (signal, message, status) in expected {
            let kill = Signal.defaultKill(signal, pc: 0)
            #expect(kill.message == message)
            let outcome = ExitOutcome.killed(kill.reason, message: kill.message)
            #expect(outcome.exitStatus == status)
            #expect(outcome.diagnosticLine == "tinyrv: killed: " + message)
        }
    }

    @Test func aBrokenPipeSendsSIGPIPEAndReturnsEPIPE() throws {
        signal(SIGPIPE, SIG_IGN)
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        close(fds[0])
        defer { close(fds[1]) }
        process.files.install(.host(HostDescriptor(rawValue: fds[1])), at: 1)
        try process.copyOut(Array("x".utf8), to: Scratch.buffer).get()
        #expect(process.call(64, 1, Scratch.buffer, 1) == -32, "write: EPIPE")
        #expect(process.signals.pending == SignalState.bit(13), "and SIGPIPE, whose default action kills (141)")
        try process.copyOut(GuestBytes.words(1, 0, 0), to: Scratch.path).get()
        #expect(process.call(134, 13, Scratch.path, 0, 8) == 0)
        try process.copyOut(GuestBytes.words(Scratch.buffer, 1), to: Scratch.path).get()
        #expect(process.call(66, 1, Scratch.path, 1) == -32, "writev with SIG_IGN: EPIPE")
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
        guard case .kill(let kill) = SyscallTable.definitions[139]!.run(process, [0, 0, 0, 0, 0, 0]) else {
            Issue.record("rt_sigreturn with no frame kills")
            return
        }
        #expect(kill.reason == .memoryFault)
    }

    @Test func rseqIsRefusedAndHwprobeAnswers() {
        #expect(process.call(293, 0, 32, 0, 0) == -38)
        #expect(process.call(258, 0, 0, 0, 0, 0) == 0, "no pairs, every CPU")
        #expect(process.call(258, 0, 0, 0, 0, 1) == -22, "RISCV_HWPROBE_WHICH_CPUS is not supported")
    }
}
