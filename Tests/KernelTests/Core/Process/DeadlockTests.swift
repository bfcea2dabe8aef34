import Testing
@testable import Kernel

/// Every task blocked with nothing on the host that could wake one: the run ends with status 137
/// and one line naming each blocked task, what it waits for and its pc, instead of hanging.
@Suite struct DeadlockTests {
    /// The pc of the last instruction of `code` loaded at 0x10000 (the blocking ecall).
    static func pcOfLast(_ code: [UInt32]) -> String { hex(0x10000 + 4 * UInt64(code.count - 1)) }

    @Test func aLoneBlockedTaskIsADeadlock() throws {
        // rt_sigsuspend with no signal that could ever come: no descriptor, no deadline, no other task.
        let code = Asm.li(Asm.a0, 0x11100) + Asm.li(Asm.a1, 8) + Asm.syscall(133)
        let result = try SchedulerTests().run(code + Asm.exit)
        let message = "deadlock: every task is blocked: tid 100 rt_sigsuspend at pc \(Self.pcOfLast(code))"
        #expect(result.outcome == .killed(.deadlock, message: message))
        #expect(result.outcome.exitStatus == 137)
        #expect(result.outcome.diagnosticLine == "tinyrv: killed: " + message, "every kill has its `tinyrv: killed:` line")
    }

    @Test func aFutexWaitNobodyWakesIsADeadlock() throws {
        // futex(0x11100, FUTEX_WAIT_PRIVATE, 0, NULL): the word is 0, no timeout, no other task.
        let code = Asm.li(Asm.a0, 0x11100) + Asm.li(Asm.a1, 128) + Asm.li(Asm.a2, 0) + Asm.li(Asm.a3, 0) + Asm.syscall(98)
        let result = try SchedulerTests().run(code + Asm.exit)
        #expect(result.outcome == .killed(.deadlock, message: "deadlock: every task is blocked: tid 100 futex_wait at pc \(Self.pcOfLast(code))"))
    }

    @Test func aThreadAndItsJoinerWaitingOnEachOtherAreADeadlock() throws {
        // A thread (CLONE_VM|CLONE_THREAD|CLONE_SIGHAND) futex-waits on 0x11100 (0); the main thread
        // futex-waits on 0x11104 (0): both blocked, the line names both.
        let wait = { (word: Int64) in Asm.li(Asm.a0, word) + Asm.li(Asm.a1, 128) + Asm.li(Asm.a2, 0) + Asm.li(Asm.a3, 0) + Asm.syscall(98) }
        let clone = Asm.li(Asm.a0, 0x10900) + Asm.li(Asm.a1, 0x12800) + Asm.li(Asm.a2, 0) + Asm.li(Asm.a3, 0)
            + Asm.li(Asm.a4, 0) + Asm.syscall(220)
        let child = wait(0x11100)
        let parent = wait(0x11104)
        let code = clone + [Asm.bltu(Asm.zero, Asm.a0, Int64(4 * (child.count + Asm.exit.count + 1)))] + child + Asm.exit + parent + Asm.exit
        let childPC = hex(0x10000 + 4 * UInt64(clone.count + child.count))
        let parentPC = hex(0x10000 + 4 * UInt64(clone.count + 1 + child.count + Asm.exit.count + parent.count - 1))
        let result = try SchedulerTests().run(code)
        #expect(result.outcome == .killed(.deadlock, message:
            "deadlock: every task is blocked: tid 100 futex_wait at pc \(parentPC), tid 101 futex_wait at pc \(childPC)"))
    }

    @Test func readingOnlyItsOwnPipeIsADeadlockNotAHostWait() throws {
        // pipe2(0x11100, 0), then read(fds[0]) while this task holds the only write end.
        let lw = Asm.i(0x03, 2, Asm.a0, Asm.t0, 0)
        let code = Asm.li(Asm.a0, 0x11100) + Asm.li(Asm.a1, 0) + Asm.syscall(59) + Asm.li(Asm.t0, 0x11100) + [lw]
            + Asm.li(Asm.a1, 0x11200) + Asm.li(Asm.a2, 8) + Asm.syscall(63)
        let result = try SchedulerTests().run(code + Asm.exit)
        #expect(result.outcome == .killed(.deadlock, message: "deadlock: every task is blocked: tid 100 read of a pipe at pc \(Self.pcOfLast(code))"))
    }

    @Test func pollingOnlyItsOwnPipesWithoutTimeoutIsADeadlock() throws {
        // pipe2, then ppoll({fds[0], POLLIN}, 1, NULL, NULL): nothing outside tinyrv can write to it.
        let lw = Asm.i(0x03, 2, Asm.t1, Asm.t0, 0)
        let sw = Asm.s(2, Asm.t1, Asm.t0, 8)
        let sh = Asm.s(1, Asm.t2, Asm.t0, 12)
        let code = Asm.li(Asm.a0, 0x11100) + Asm.li(Asm.a1, 0) + Asm.syscall(59) + Asm.li(Asm.t0, 0x11100) + [lw, sw]
            + Asm.li(Asm.t2, 1) + [sh] + Asm.li(Asm.a0, 0x11108) + Asm.li(Asm.a1, 1) + Asm.li(Asm.a2, 0) + Asm.li(Asm.a3, 0)
            + Asm.li(Asm.a4, 8) + Asm.syscall(73)
        let result = try SchedulerTests().run(code + Asm.exit)
        #expect(result.outcome == .killed(.deadlock, message: "deadlock: every task is blocked: tid 100 ppoll of a pipe at pc \(Self.pcOfLast(code))"))
    }

    @Test func aReadOfAWriteOnlyHostDescriptorFailsInsteadOfWaitingForEver() throws {
        // A thread futex-waits (so another task exists); the main thread reads its stdout, the write
        // end of a host pipe: EBADF at once, as on Linux, not a wait for readability (fuzz finding).
        let clone = Asm.li(Asm.a0, 0x10900) + Asm.li(Asm.a1, 0x12800) + Asm.li(Asm.a2, 0) + Asm.li(Asm.a3, 0)
            + Asm.li(Asm.a4, 0) + Asm.syscall(220)
        let child = Asm.li(Asm.a0, 0x11100) + Asm.li(Asm.a1, 128) + Asm.li(Asm.a2, 0) + Asm.li(Asm.a3, 0) + Asm.syscall(98)
        let parent = Asm.li(Asm.a0, 1) + Asm.li(Asm.a1, 0x11200) + Asm.li(Asm.a2, 8) + Asm.syscall(63) + Asm.syscall(94)
        let code = clone + [Asm.bltu(Asm.zero, Asm.a0, Int64(4 * (child.count + Asm.exit.count + 1)))] + child + Asm.exit + parent
        let result = try SchedulerTests().run(code)
        #expect(result.outcome == .exited(code: -9))
    }
}
