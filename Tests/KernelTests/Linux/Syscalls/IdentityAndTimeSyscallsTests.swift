import Testing
@testable import Kernel

@Suite struct IdentityAndTimeSyscallsTests {
    let process: Process
    init() throws { process = try Fixtures.process(options: Fixtures.options(stackPages: 12)) }

    @Test func prlimitReportsTheStackRegionTruthfully() throws {
        #expect(process.syscall("prlimit64", [0, 3, 0, 0x11100]) == .value(0))
        #expect(process.peekWord(0x11100) == 12 * 4096)
        #expect(process.peekWord(0x11108) == 12 * 4096)
        #expect(process.syscall("prlimit64", [0, 99, 0, 0x11100]) == .value(-22))
        #expect(process.syscall("prlimit64", [4242, 3, 0, 0x11100]) == .value(-3))
        #expect(process.syscall("prlimit64", [0, 3, 0, 0x10000]) == .value(-14))
    }

    @Test func unameSaysLinuxOnRiscv64() throws {
        #expect(process.syscall("uname", [0x11000]) == .value(0))
        #expect(process.peekString(0x11000) == "Linux")
        #expect(process.peekString(0x11000 + 4 * 65) == "riscv64")
        #expect(process.syscall("uname", [0]) == .value(-14))
    }

    @Test func getrandomFillsTheBuffer() throws {
        #expect(process.syscall("getrandom", [0x11000, 64, 0]) == .value(64))
        #expect(process.peek(0x11000, count: 64) != [UInt8](repeating: 0, count: 64))
        #expect(process.syscall("getrandom", [0x10000, 8, 0]) == .value(-14))
    }

    @Test func clockGettimeWritesSecondsAndNanoseconds() throws {
        #expect(process.syscall("clock_gettime", [1, 0x11000]) == .value(0))
        let seconds = try #require(process.peekWord(0x11000))
        let nanoseconds = try #require(process.peekWord(0x11008))
        #expect(seconds > 0 && nanoseconds < 1_000_000_000)
        #expect(process.syscall("clock_gettime", [1, 0]) == .value(-14))
        #expect(process.syscall("clock_gettime", [12345, 0x11000]) == .value(-22))
        #expect(process.syscall("gettimeofday", [0x11000, 0]) == .value(0))
        #expect(try #require(process.peekWord(0x11008)) < 1_000_000)
    }
}

@Suite struct SleepAndTaskNameTests {
    let process: Process
    init() throws { process = try Fixtures.process(options: Fixtures.options(arguments: ["./bin/my-long-program-name"])) }

    @Test func nanosleepValidatesItsRequest() throws {
        try process.copyOut(GuestBytes.words(0, 1000), to: 0x11000).get()
        #expect(process.syscall("nanosleep", [0x11000, 0]) == .value(0))
        try process.copyOut(GuestBytes.words(0, 1_000_000_000), to: 0x11000).get()
        #expect(process.syscall("nanosleep", [0x11000, 0]) == .value(-22))
        try process.copyOut(GuestBytes.words(UInt64(bitPattern: -1), 0), to: 0x11000).get()
        #expect(process.syscall("nanosleep", [0x11000, 0]) == .value(-22))
        #expect(process.syscall("nanosleep", [0, 0]) == .value(-14))
    }

    @Test func prctlNamesTheTask() throws {
        #expect(process.syscall("prctl", [16, 0x11000, 0, 0, 0]) == .value(0))
        #expect(process.peekString(0x11000) == "my-long-program")
        try process.copyOut(Array("worker".utf8) + [0], to: 0x11100).get()
        #expect(process.syscall("prctl", [15, 0x11100, 0, 0, 0]) == .value(0))
        #expect(process.syscall("prctl", [16, 0x11000, 0, 0, 0]) == .value(0))
        #expect(process.peek(0x11000, count: 7) == Array("worker".utf8) + [0])
        #expect(process.syscall("prctl", [9999, 0, 0, 0, 0]) == .value(-22))
    }
}
