import Testing
@testable import Kernel
import RISCV
#if canImport(Glibc)
import Glibc
#endif

/// Hand-assembled programs run on the real hart: code at 0x10000, "hello\n" at 0x11000 (data),
/// heap from 0x13000, stack top 0x3F_FFFF_F000.
@Suite struct EndToEndTests {
    struct Run {
        var outcome: ExitOutcome
        var process: Process
        var output: String
        var trace: [String]
    }

    func run(_ code: [UInt32], trace: TraceOptions = [], frameLimit: Int? = nil, maxInstructions: UInt64? = nil) throws -> Run {
        var lines: [String] = []
        let sink = TraceSink { lines.append($0) }
        let image = ProgramImage(entry: 0x10000, segments: [
            .init(virtualAddress: 0x10000, memorySize: UInt64(code.count * 4), bytes: Asm.bytes(code), permissions: [.read, .execute]),
            .init(virtualAddress: 0x11000, memorySize: 0x1800, bytes: Array("hello\n".utf8), permissions: [.read, .write]),
        ])
        let process = try Fixtures.process(image: image, pages: 1024, frameLimit: frameLimit,
                                           options: Fixtures.options(trace: trace, sink: sink))
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        process.files.install(.host(HostDescriptor(rawValue: fds[1])), at: 1)
        let outcome = process.run(maxInstructions: maxInstructions)
        close(fds[1])
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while case let n = read(fds[0], &buffer, 4096), n > 0 { output += buffer[..<n] }
        close(fds[0])
        return Run(outcome: outcome, process: process, output: String(decoding: output, as: UTF8.self), trace: lines)
    }

    @Test func writeThenExit() throws {
        let code = Asm.li(Asm.a0, 1) + Asm.li(Asm.a1, 0x11000) + Asm.li(Asm.a2, 6) + Asm.syscall(64)
            + Asm.li(Asm.a0, 0x107) + Asm.exit
        let result = try run(code, trace: .syscalls)
        #expect(result.outcome == .exited(code: 0x107))
        #expect(result.outcome.exitStatus == 7)
        #expect(result.output == "hello\n")
        #expect(result.trace == [#"write(1, "hello\n", 6) = 6"#, "exit(263) = ?"])
    }

    @Test func sbrkThenTouchTheNewPage() throws {
        let code = Asm.li(Asm.a0, 4096) + Asm.syscall(2000)
            + Asm.li(Asm.t0, 42) + [Asm.sb(Asm.t0, Asm.a0, 100), Asm.lbu(Asm.a0, Asm.a0, 100)] + Asm.exit
        let result = try run(code, trace: [.syscalls, .faults])
        #expect(result.outcome == .exited(code: 42))
        #expect(result.process.pageFaults.heap == 1)
        #expect(result.trace.first == "sbrk(4096) = 0x13000")
        #expect(result.trace[1].hasPrefix("fault: store 0x13064 pc=0x"))
        #expect(result.trace[1].contains(" heap -> mapped 0x13000 (frame 0x"))
    }

    @Test func stackGrowsOnDemandAndInfoCountsTheFault() throws {
        let code = Asm.li(Asm.t0, -8 * 4096) + [Asm.add(Asm.t0, Asm.sp, Asm.t0), Asm.sd(Asm.zero, Asm.t0, 0),
                                                Asm.addi(Asm.a0, Asm.sp, -64)]
            + Asm.syscall(2001) + [Asm.ld(Asm.a0, Asm.sp, -64)] + Asm.exit
        let result = try run(code)
        #expect(result.outcome == .exited(code: 1))
        #expect(result.process.stats.residentStackPages == 2)
        #expect(result.process.stats.pageFaults.stack == 1)
    }

    @Test func stackOverflowKillsAndNamesTheLimit() throws {
        let code = Asm.li(Asm.t0, -10 * 4096) + [Asm.add(Asm.t0, Asm.sp, Asm.t0), Asm.sd(Asm.zero, Asm.t0, 0)] + Asm.exit
        let result = try run(code)
        guard case .killed(.memoryFault, let message) = result.outcome else {
            Issue.record("expected a memory-fault kill, got \(result.outcome)")
            return
        }
        #expect(message.hasPrefix("store page fault at 0x3fffff4"))
        #expect(message.hasSuffix("stack limit exceeded (10 pages; raise it with --stack-pages)"))
        #expect(result.outcome.exitStatus == 139)
    }

    @Test func nullStoreKillsWithOneClearLine() throws {
        let result = try run([Asm.sd(Asm.zero, Asm.zero, 0)], trace: .faults)
        #expect(result.outcome == .killed(.memoryFault, message: "store page fault at 0x0 (pc 0x10000): no memory region"))
        #expect(result.trace == ["fault: store 0x0 pc=0x10000 no region -> killed"])
    }

    @Test func writeToTextKills() throws {
        let result = try run(Asm.li(Asm.t0, 0x10000) + [Asm.sd(Asm.zero, Asm.t0, 0)])
        #expect(result.outcome == .killed(.memoryFault, message: "store page fault at 0x10000 (pc 0x10004): write to read-only code region (r-x)"))
    }

    @Test func executingTheHeapKills() throws {
        let code = Asm.li(Asm.a0, 4096) + Asm.syscall(2000) + [Asm.jalr(Asm.zero, Asm.a0, 0)]
        let result = try run(code)
        #expect(result.outcome == .killed(.memoryFault, message: "instruction page fault at 0x13000 (pc 0x13000): execute from non-executable heap region (rw-)"))
    }

    @Test func mprotectMakesDataReadOnly() throws {
        let code = Asm.li(Asm.a0, 0x11000) + Asm.li(Asm.a1, 4096) + Asm.li(Asm.a2, 1) + Asm.syscall(226)
            + Asm.li(Asm.t0, 0x11000) + [Asm.lbu(Asm.t1, Asm.t0, 0), Asm.sd(Asm.zero, Asm.t0, 8)]
        let result = try run(code, trace: .syscalls)
        #expect(result.trace.first == "mprotect(0x11000, 4096, 0x1) = 0")
        #expect(result.outcome == .killed(.memoryFault, message: "store page fault at 0x11008 (pc 0x1001c): write to read-only data region (r--)"))
    }

    @Test func anonymousMmapIsLazyAndMunmapRemovesIt() throws {
        let mmap = Asm.li(Asm.a0, 0) + Asm.li(Asm.a1, 8192) + Asm.li(Asm.a2, 3) + Asm.li(Asm.a3, 0x22)
            + Asm.li(Asm.a4, -1) + Asm.li(Asm.a5, 0) + Asm.syscall(222)
        let touch = [Asm.add(Asm.s1, Asm.a0, Asm.zero), Asm.addi(Asm.t0, Asm.zero, 9), Asm.sb(Asm.t0, Asm.s1, 2047)]
        let unmap = [Asm.add(Asm.a0, Asm.s1, Asm.zero)] + Asm.li(Asm.a1, 8192) + Asm.syscall(215)
        let result = try run(mmap + touch + unmap + [Asm.lbu(Asm.a0, Asm.s1, 2047)], trace: [.syscalls, .faults])
        #expect(result.process.pageFaults.mmap == 1)
        guard case .killed(.memoryFault, let message) = result.outcome else {
            Issue.record("expected a kill after munmap, got \(result.outcome)")
            return
        }
        #expect(message.hasPrefix("load page fault at 0x3fffef37ff "), "1 MiB below the stack, top down")
        #expect(message.hasSuffix("no memory region"))
        #expect(result.trace[0] == "mmap(0x0, 8192, 0x3, 0x22, -1, 0x0) = 0x3fffef3000")
        #expect(result.trace[1].contains(" mmap -> mapped "))
    }

    @Test func abortThroughTgkillKillsWith134() throws {
        let code = Asm.li(Asm.a0, 100) + Asm.li(Asm.a1, 100) + Asm.li(Asm.a2, 6) + Asm.syscall(131)
        let result = try run(code)
        #expect(result.outcome == .killed(.abort, message: "abort (SIGABRT) (pc 0x10014)"), "delivered after the call returned")
        #expect(result.outcome.exitStatus == 134)
    }

    @Test func illegalInstructionAndEbreakKillWithTheirStatuses() throws {
        let illegal = try run([0])
        #expect(illegal.outcome == .killed(.illegalInstruction, message: "illegal instruction 0x0000 (pc 0x10000)"))
        #expect(illegal.outcome.exitStatus == 132)
        let breakpoint = try run([Asm.addi(Asm.a0, Asm.zero, 1), Asm.ebreak], trace: .traps)
        #expect(breakpoint.outcome.exitStatus == 133)
        #expect(breakpoint.trace == ["trap: ebreak pc=0x10004"])
    }

    @Test func unknownSyscallReturnsENOSYS() throws {
        let result = try run(Asm.syscall(999) + Asm.exit, trace: .syscalls)
        #expect(result.outcome == .exited(code: -38))
        #expect(result.trace.first == "syscall_999(0x0, 0x0, 0x0, 0x0, 0x0, 0x0) = -38 ENOSYS")
    }

    @Test func runningOutOfFramesKillsWith137() throws {
        let code = Asm.li(Asm.a0, 1 << 20) + Asm.syscall(2000) + [Asm.add(Asm.t0, Asm.a0, Asm.zero)]
            + Asm.li(Asm.t1, 0x13000 + (1 << 20)) + Asm.li(Asm.t2, 4096)
            + [Asm.sd(Asm.zero, Asm.t0, 0), Asm.add(Asm.t0, Asm.t0, Asm.t2), Asm.bltu(Asm.t0, Asm.t1, -8)] + Asm.exit
        let result = try run(code, frameLimit: 40)
        guard case .killed(.outOfMemory, let message) = result.outcome else {
            Issue.record("expected an out-of-memory kill, got \(result.outcome)")
            return
        }
        #expect(message.hasPrefix("store page fault at 0x"))
        #expect(message.hasSuffix("out of guest memory (--memory)"))
        #expect(result.outcome.exitStatus == 137)
    }

    @Test func instructionBudgetStopsAnEndlessLoop() throws {
        let result = try run([Asm.jal(Asm.zero, 0)], maxInstructions: 1000)
        #expect(result.outcome == .budgetExhausted)
        #expect(result.process.stats.instructionsRetired == 1000)
    }

    @Test func instructionTraceHasOneLinePerInstruction() throws {
        let result = try run(Asm.li(Asm.a0, 3) + Asm.exit, trace: .instructions)
        #expect(result.outcome == .exited(code: 3))
        #expect(result.trace.count == 3)
        #expect(result.trace.first == "0x0000000000010000 00300513  addi a0, zero, 3")
    }

    @Test func runProgramReportsTheOutcomeAndStats() throws {
        let image = ProgramImage(entry: 0x10000, segments: [
            .init(virtualAddress: 0x10000, memorySize: 64, bytes: Asm.bytes(Asm.li(Asm.a0, 5) + Asm.exit), permissions: [.read, .execute]),
        ])
        let (outcome, stats) = try runProgram(image, options: RunOptions(arguments: ["t"], memorySize: 1 << 20,
                                                                         traceSink: TraceSink { _ in }))
        #expect(outcome == .exited(code: 5))
        #expect(stats.instructionsRetired == 2, "a trapping ecall does not retire")
        #expect(stats.residentStackPages == 1)
        #expect(stats.heapStart == 0x11000)
    }
}
