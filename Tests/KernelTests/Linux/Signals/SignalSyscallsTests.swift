import Testing
@testable import Kernel

@Suite struct SignalSyscallsTests {
    let process: Process
    init() throws { process = try Fixtures.process() }

    @Test func sigactionRecordsAndReportsActions() throws {
        try process.copyOut(GuestBytes.words(0x10004, 0x4, 0x3), to: 0x11100).get()
        #expect(process.syscall("rt_sigaction", [2, 0x11100, 0x11200, 8]) == .value(0))
        #expect(process.peek(0x11200, count: 24) == [UInt8](repeating: 0, count: 24), "SIG_DFL before")
        #expect(process.syscall("rt_sigaction", [2, 0, 0x11200, 8]) == .value(0))
        #expect(process.peekWord(0x11200) == 0x10004)
        #expect(process.peekWord(0x11210) == 0x3)
        #expect(process.syscall("rt_sigaction", [9, 0x11100, 0, 8]) == .value(-22), "SIGKILL cannot be caught")
        #expect(process.syscall("rt_sigaction", [2, 0, 0, 16]) == .value(-22))
        #expect(process.syscall("rt_sigaction", [65, 0, 0, 8]) == .value(-22))
        #expect(process.syscall("rt_sigaction", [2, 0x10000_0000, 0, 8]) == .value(-14))
    }

    @Test func sigprocmaskBlocksUnblocksAndSets() throws {
        try process.copyOut(GuestBytes.words(0b1010 | 1 << 8), to: 0x11100).get()
        #expect(process.syscall("rt_sigprocmask", [0, 0x11100, 0, 8]) == .value(0))
        #expect(process.signals.mask == 0b1010, "SIGKILL (bit 8) is never blocked")
        try process.copyOut(GuestBytes.words(0b0010), to: 0x11100).get()
        #expect(process.syscall("rt_sigprocmask", [1, 0x11100, 0x11200, 8]) == .value(0))
        #expect(process.peekWord(0x11200) == 0b1010, "the old mask")
        #expect(process.signals.mask == 0b1000)
        #expect(process.syscall("rt_sigprocmask", [2, 0x11100, 0, 8]) == .value(0))
        #expect(process.signals.mask == 0b0010)
        #expect(process.syscall("rt_sigprocmask", [3, 0x11100, 0, 8]) == .value(-22))
    }

    @Test func killAndTgkillNameLiveProcesses() {
        #expect(SyscallTable.definitions[129]!.run(process, [100, 0, 0, 0, 0, 0]) == .value(0))
        #expect(SyscallTable.definitions[129]!.run(process, [1, 6, 0, 0, 0, 0]) == .value(-3))
        #expect(SignalSyscalls.definitions.first { $0.name == "tgkill" }!.run(process, [7, 100, 6, 0, 0, 0]) == .value(-3))
        #expect(SignalSyscalls.definitions.first { $0.name == "tgkill" }!.run(process, [100, 100, 6, 0, 0, 0]) == .value(0))
        #expect(process.signals.pending == SignalState.bit(6))
    }
}
