import Testing
@testable import Kernel
import RISCV

/// The hosted run loop's stops for a debugger: start, steps (an ecall served counts as one),
/// caught syscalls, breakpoints, the fatal stop before a kill, kills and detaches.
@Suite struct DebugSessionTests {
    /// Answers each stop with the next scripted resume (then `.continue`) and records the stops.
    final class ScriptedHook: DebugHook {
        var answers: [DebugResume]
        var stops: [DebugStop] = []
        let caught: Set<UInt64>

        init(_ answers: [DebugResume], catching caught: Set<UInt64> = []) {
            self.answers = answers
            self.caught = caught
        }

        func stopped(_ stop: DebugStop) -> DebugResume {
            stops.append(stop)
            return answers.isEmpty ? .continue : answers.removeFirst()
        }

        func catchesSyscall(_ number: UInt64) -> Bool { caught.contains(number) }
    }

    /// nop; ecall (a7 = 0, an unknown syscall: -ENOSYS); then zeros, an illegal instruction.
    func run(_ hook: ScriptedHook) throws -> (ExitOutcome, Process) {
        var options = Fixtures.options()
        options.debugger = { _ in hook }
        let process = try Fixtures.process(options: options)
        return (process.run(), process)
    }

    static let illegal = ExitOutcome.killed(.illegalInstruction, message: "illegal instruction 0x0000 (pc 0x10008)")

    @Test func stepsCountAServedEcallAsOneInstruction() throws {
        let hook = ScriptedHook([.step, .step, .step])
        let (outcome, _) = try run(hook)
        #expect(hook.stops == [.started, .stepped, .stepped, .fatal(.illegalInstruction), .exited(Self.illegal)])
        #expect(outcome == Self.illegal)
    }

    @Test func caughtSyscallsStopAtEntryAndReturn() throws {
        let hook = ScriptedHook([], catching: [0])
        let (outcome, process) = try run(hook)
        let enosys = UInt64(bitPattern: -38)
        #expect(hook.stops == [.started, .syscallEntry(number: 0), .syscallReturn(number: 0, result: enosys),
                               .fatal(.illegalInstruction), .exited(Self.illegal)])
        #expect(outcome == Self.illegal)
        #expect(process.hart.pc == 0x10008)
    }

    @Test func breakpointsStopAndKillsEndTheRun() throws {
        final class BreakingHook: DebugHook {
            var process: Process?
            var stops: [DebugStop] = []
            func stopped(_ stop: DebugStop) -> DebugResume {
                stops.append(stop)
                if stop == .started { process?.hart.breakpoints = [0x10004] }
                return stops.count < 2 ? .continue : .kill(message: "stopped by the test")
            }
            func catchesSyscall(_ number: UInt64) -> Bool { false }
        }
        let hook = BreakingHook()
        var options = Fixtures.options()
        options.debugger = { process in hook.process = process; return hook }
        let process = try Fixtures.process(options: options)
        let outcome = process.run()
        #expect(hook.stops == [.started, .trigger(.breakpoint(pc: 0x10004)),
                               .exited(.killed(.debugger, message: "stopped by the test"))])
        #expect(outcome.exitStatus == 137)
        #expect(process.hart.instructionsRetired == 1)
    }

    @Test func detachingDropsTheTriggersAndRunsOn() throws {
        let hook = ScriptedHook([.detach])
        let (outcome, _) = try run(hook)
        #expect(hook.stops == [.started])
        #expect(outcome == Self.illegal)
    }
}
