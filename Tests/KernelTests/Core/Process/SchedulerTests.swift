import Testing
@testable import Kernel
import RISCV
#if canImport(Glibc)
import Glibc
#endif

/// Hand-assembled programs that fork, wait and use pipes, run on the real hart under the scheduler.
@Suite struct SchedulerTests {
    static let srli8 = Asm.i(0x13, 5, Asm.a0, Asm.a0, 8)

    func run(_ code: [UInt32], trace: TraceOptions = [], schedule: SchedulePolicy = .roundRobin,
             maxTasks: Int = 16) throws -> (outcome: ExitOutcome, process: Process, output: String, trace: [String]) {
        var lines: [String] = []
        let sink = TraceSink { lines.append($0) }
        let image = ProgramImage(entry: 0x10000, segments: [
            .init(virtualAddress: 0x10000, memorySize: UInt64(code.count * 4), bytes: Asm.bytes(code), permissions: [.read, .execute]),
            .init(virtualAddress: 0x11000, memorySize: 0x1800, bytes: Array("child\n".utf8), permissions: [.read, .write]),
        ])
        var options = Fixtures.options(trace: trace, sink: sink)
        options.schedule = schedule
        options.maxTasks = maxTasks
        let process = try Fixtures.process(image: image, pages: 1024, options: options)
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        process.files.install(.host(HostDescriptor(rawValue: fds[1])), at: 1)
        let outcome = process.run()
        close(fds[1])
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while case let n = read(fds[0], &buffer, 4096), n > 0 { output += buffer[..<n] }
        close(fds[0])
        return (outcome, process, String(decoding: output, as: UTF8.self), lines)
    }

    /// fork; the child stores 2 over the parent's 1 at 0x11100 and exits with it; the parent waits and
    /// exits with 10 * the child's code + its own value.
    static let forkProgram: [UInt32] = {
        var code = Asm.li(Asm.t0, 0x11100) + Asm.li(Asm.t1, 1) + [Asm.sd(Asm.t1, Asm.t0, 0)]
        code += Asm.li(Asm.a0, 17) + Asm.li(Asm.a1, 0) + Asm.syscall(220)
        let child = Asm.li(Asm.t1, 2) + [Asm.sd(Asm.t1, Asm.t0, 0), Asm.ld(Asm.a0, Asm.t0, 0)] + Asm.exit
        code += [Asm.bltu(Asm.zero, Asm.a0, Int64(4 * (child.count + 1)))] + child
        code += Asm.li(Asm.a0, -1) + Asm.li(Asm.a1, 0x11200) + Asm.li(Asm.a2, 0) + Asm.li(Asm.a3, 0) + Asm.syscall(260)
        code += [Asm.ld(Asm.a0, Asm.a1, 0), srli8]
        // t1 = a0 * 10 = (a0 << 3) + a0 + a0.
        code += [Asm.slli(Asm.t1, Asm.a0, 3), Asm.add(Asm.t1, Asm.t1, Asm.a0), Asm.add(Asm.t1, Asm.t1, Asm.a0)]
        code += [Asm.ld(Asm.a0, Asm.t0, 0), Asm.add(Asm.a0, Asm.a0, Asm.t1)] + Asm.exit
        return code
    }()

    @Test func forkWaitAndCopyOnWriteIsolation() throws {
        let result = try run(SchedulerTests.forkProgram, trace: [.syscalls, .faults])
        #expect(result.outcome == .exited(code: 21), "child exited 2, parent still sees 1")
        let stats = try #require(result.process.stats.machine)
        #expect(stats.tasksCreated == 2)
        #expect(stats.contextSwitches >= 2)
        #expect(stats.processes.map(\.pid) == [101, 100])
        #expect(stats.processes[0].pageFaults.copyOnWrite == 1, "the child's store copied the data page")
        #expect(result.trace.first == "[pid 100] clone(0x11, 0x0, 0x0, 0x0, 0x0) = 101", "prefixed from the fork on")
        #expect(result.trace.contains { $0.hasPrefix("[pid 101] fault: store 0x11100 ") && $0.contains("copy-on-write -> copied") })
        #expect(result.trace.contains("[pid 101] exit(2) = ?"))
        #expect(result.trace.contains("[pid 101] +++ exited with 2 +++"))
        #expect(result.trace.last == "+++ exited with 21 +++")
    }

    @Test func theSameSeedGivesTheSameRun() throws {
        let first = try run(SchedulerTests.forkProgram, trace: [.syscalls, .faults], schedule: .random(seed: 7))
        let second = try run(SchedulerTests.forkProgram, trace: [.syscalls, .faults], schedule: .random(seed: 7))
        #expect(first.outcome == .exited(code: 21))
        #expect(first.trace == second.trace)
    }

    @Test func forkFailsWithEAGAINAtTheTaskLimit() throws {
        let code = Asm.li(Asm.a0, 17) + Asm.li(Asm.a1, 0) + Asm.syscall(220) + Asm.exit
        let result = try run(code, maxTasks: 1)
        #expect(result.outcome == .exited(code: -11))
    }

    /// pipe2 at 0x11100; fork; the child writes "child\n" into the pipe and exits; the parent reads
    /// (blocking until the child ran), writes what it read to stdout and exits with the count.
    @Test func aReaderBlocksUntilTheWriterRuns() throws {
        var code = Asm.li(Asm.a0, 0x11100) + Asm.li(Asm.a1, 0) + Asm.syscall(59)
        code += Asm.li(Asm.a0, 17) + Asm.li(Asm.a1, 0) + Asm.syscall(220)
        let child = Asm.li(Asm.t0, 0x11100) + [Asm.i(0x03, 2, Asm.a0, Asm.t0, 4)] + Asm.li(Asm.a1, 0x11000)
            + Asm.li(Asm.a2, 6) + Asm.syscall(64) + Asm.li(Asm.a0, 0) + Asm.exit
        code += [Asm.bltu(Asm.zero, Asm.a0, Int64(4 * (child.count + 1)))] + child
        code += Asm.li(Asm.t0, 0x11100) + [Asm.i(0x03, 2, Asm.a0, Asm.t0, 0)] + Asm.li(Asm.a1, 0x11300)
            + Asm.li(Asm.a2, 64) + Asm.syscall(63)
        code += [Asm.add(Asm.s1, Asm.a0, Asm.zero)] + Asm.li(Asm.a0, 1) + Asm.li(Asm.a1, 0x11300)
            + [Asm.add(Asm.a2, Asm.s1, Asm.zero)] + Asm.syscall(64) + [Asm.add(Asm.a0, Asm.s1, Asm.zero)] + Asm.exit
        let result = try run(code)
        #expect(result.output == "child\n")
        #expect(result.outcome == .exited(code: 6))
    }


    /// A thread (CLONE_THREAD on a stack in the data region) stores 5 and exits; the main thread
    /// futex-waits on the CLONE_CHILD_CLEARTID word until exit zeroes it, then exits with the 5.
    @Test func aThreadSharesMemoryAndJoinsThroughTheClearedTIDWord() throws {
        let lw = { (rd: Int, rs1: Int) in Asm.i(0x03, 2, rd, rs1, 0) }
        var code = Asm.li(Asm.t0, 0x11100) + Asm.li(Asm.t2, 0x11200)
        code += Asm.li(Asm.a0, 0x31_0900) + Asm.li(Asm.a1, 0x12800) + Asm.li(Asm.a2, 0x11200) + Asm.li(Asm.a3, 0)
            + Asm.li(Asm.a4, 0x11200) + Asm.syscall(220)
        let child = Asm.li(Asm.t1, 5) + [Asm.sd(Asm.t1, Asm.t0, 0)] + Asm.li(Asm.a0, 0) + Asm.syscall(93)
        code += [Asm.bltu(Asm.zero, Asm.a0, Int64(4 * (child.count + 1)))] + child
        let wait = [Asm.add(Asm.a0, Asm.t2, Asm.zero)] + Asm.li(Asm.a1, 0) + Asm.li(Asm.a3, 0) + Asm.syscall(98)
        let done = [Asm.ld(Asm.a0, Asm.t0, 0)] + Asm.syscall(94)
        // loop: a2 = *tid; if a2 != 0 goto wait; goto done; wait: futex(tid, WAIT, a2); goto loop
        code += [lw(Asm.a2, Asm.t2), Asm.bltu(Asm.zero, Asm.a2, 8), Asm.jal(Asm.zero, Int64(4 * (wait.count + 2)))]
        code += wait + [Asm.jal(Asm.zero, -Int64(4 * (wait.count + 3)))] + done
        let result = try run(code, trace: [.syscalls])
        #expect(result.outcome == .exited(code: 5))
        #expect(result.trace.first == "[pid 100] clone(0x310900, 0x12800, 0x11200, 0x0, 0x11200) = 101")
        #expect(result.process.stats.machine?.tasksCreated == 2)
        let stats = result.process.stats
        #expect(stats.machine?.processes.map(\.instructions) == [stats.instructionsRetired], "the exited thread's count too")
    }
}
