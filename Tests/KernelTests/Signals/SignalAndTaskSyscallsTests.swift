import Testing
@testable import Kernel

@Suite struct SignalAndTaskSyscallsTests {
    let process: Process
    init() throws { process = try Fixtures.process() }

    @Test func selfSignalsTakeTheirDefaultAction() throws {
        guard case .kill(let kill) = Signal.sendToSelf(6, process: process) else {
            Issue.record("SIGABRT kills")
            return
        }
        #expect(kill.reason == .abort && kill.message.hasPrefix("abort (SIGABRT)"))
        #expect(process.call(131, 100, 100, 0) == 0, "signal 0 only checks")
        #expect(SyscallTable.definitions[129]!.handler(process, [100, 15, 0, 0, 0, 0]) == .exit(143), "SIGTERM: 128 + 15")
        #expect(SyscallTable.definitions[130]!.handler(process, [100, 11, 0, 0, 0, 0])
                == .kill(Kill(reason: .memoryFault, message: "segmentation fault (SIGSEGV) (pc 0x0)")))
        #expect(process.call(129, 100, 17) == 0, "SIGCHLD is ignored by default")
        #expect(process.call(129, 100, 20) == 0, "SIGTSTP would stop; nothing happens")
        try process.copyOut(GuestBytes.words(1, 0, 0), to: Scratch.buffer).get()
        #expect(process.call(134, 15, Scratch.buffer, 0, 8) == 0)
        #expect(process.call(129, 100, 15) == 0, "SIG_IGN ignores it")
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
        #expect(process.call(139) == -38)
    }

    @Test func rseqIsRefusedAndHwprobeAnswers() {
        #expect(process.call(293, 0, 32, 0, 0) == -38)
        #expect(process.call(258, 0, 0, 0, 0, 0) == 0, "no pairs, every CPU")
        #expect(process.call(258, 0, 0, 0, 0, 1) == -22, "RISCV_HWPROBE_WHICH_CPUS is not supported")
    }
}
