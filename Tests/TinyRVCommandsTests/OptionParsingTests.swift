import Testing
@testable import TinyRVCommands

@Suite struct OptionParsingTests {
    @Test func memorySizesTakeSuffixes() {
        #expect(MemorySize(argument: "64M")?.bytes == 64 << 20)
        #expect(MemorySize(argument: "1g")?.bytes == 1 << 30)
        #expect(MemorySize(argument: "2048K")?.bytes == 2 << 20)
        #expect(MemorySize(argument: "1048576")?.bytes == 1 << 20)
    }

    @Test func memorySizesOutsideTheRangeOrNotPagesAreRefused() {
        #expect(MemorySize(argument: "512K") == nil)
        #expect(MemorySize(argument: "65G") == nil)
        #expect(MemorySize(argument: "1048577") == nil)
        #expect(MemorySize(argument: "") == nil)
        #expect(MemorySize(argument: "M") == nil)
        #expect(MemorySize(argument: "99999999999999999999G") == nil)
    }

    @Test func traceListsCombine() {
        #expect(TraceSelection(argument: "syscalls,faults")?.options == [.syscalls, .faults])
        #expect(TraceSelection(argument: "all")?.options == .all)
        #expect(TraceSelection(argument: "syscalls,bogus") == nil)
        #expect(TraceSelection(argument: "") == nil)
        #expect(TraceSelection(argument: "faults,") == nil)
    }

    @Test func toHostValuesBecomeStatuses() {
        #expect(BareMachine.status(forToHost: 1) == 0)
        #expect(BareMachine.status(forToHost: (5 << 1) | 1) == 5)
        #expect(BareMachine.status(forToHost: (256 << 1) | 1) == 255)
        #expect(BareMachine.status(forToHost: (300 << 1) | 1) == 44)
    }

    @Test func usageErrorsDoNotParse() {
        #expect(throws: (any Error).self) { try TinyRVCommand.parseAsRoot(["run", "--stack-pages", "0", "x"]) }
        #expect(throws: (any Error).self) { try TinyRVCommand.parseAsRoot(["run", "--trace", "nope", "x"]) }
        #expect(throws: (any Error).self) { try TinyRVCommand.parseAsRoot(["run"]) }
    }

    @Test func gdbTakesAPortOrAUnixSocket() throws {
        let run = try #require(try TinyRVCommand.parseAsRoot(["run", "--gdb", "0", "prog"]) as? RunCommand)
        #expect(run.gdb == "0")
        _ = try TinyRVCommand.parseAsRoot(["run", "--gdb", "unix:/tmp/s", "prog"])
        for bad in ["", "x", "65536", "-1", "unix:", "unix:" + String(repeating: "p", count: 108)] {
            #expect(throws: (any Error).self, "\(bad)") { try TinyRVCommand.parseAsRoot(["run", "--gdb", bad, "prog"]) }
        }
    }
}

@Suite struct GuestEnvironmentTests {
    @Test func setUnsetAndClearCompose() throws {
        let cleared = try #require(try TinyRVCommand.parseAsRoot(["run", "--clear-env", "--env", "A=1", "--env", "B=x=y", "prog"]) as? RunCommand)
        #expect(cleared.guestEnvironment == ["A=1", "B=x=y"])

        let unset = try #require(try TinyRVCommand.parseAsRoot(["run", "--unset-env", "PATH", "--env", "HOME=/guest", "prog"]) as? RunCommand)
        #expect(!unset.guestEnvironment.contains { $0.hasPrefix("PATH=") })
        #expect(unset.guestEnvironment.filter { $0.hasPrefix("HOME=") } == ["HOME=/guest"])
    }

    @Test func argumentsAfterTheProgramBelongToTheGuest() throws {
        let run = try #require(try TinyRVCommand.parseAsRoot(["run", "prog", "--stats", "-x", "y"]) as? RunCommand)
        #expect(run.program == "prog")
        #expect(run.arguments == ["--stats", "-x", "y"])
        #expect(run.stats == false)
    }

    @Test func badEnvironmentAndRootAreUsageErrors() {
        #expect(throws: (any Error).self) { try TinyRVCommand.parseAsRoot(["run", "--env", "NOEQUALS", "prog"]) }
        #expect(throws: (any Error).self) { try TinyRVCommand.parseAsRoot(["run", "--fs-root", "/nonexistent-dir", "prog"]) }
    }
}
