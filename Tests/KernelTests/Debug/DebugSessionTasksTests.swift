import Testing
@testable import Kernel
import RISCV

/// The tasks a debugger sees and the stops the scheduler adds for them: fork, vfork and its
/// release, the end of a process other than the first, and a step focused on one task.
@Suite struct DebugSessionTasksTests {
    /// Records each stop with the threads, the stopped one and the child's saved a0 and pc at it.
    final class RecordingHook: DebugHook {
        weak var process: Process?
        var answers: [DebugResume]
        var stops: [DebugStop] = []
        var threadsAtStops: [[Int64]] = []
        var stoppedAtStops: [Int64] = []
        var childContext: HartContext?
        var armed: [Int64] = []
        /// Runs at each stop, before the answer, with the session.
        var act: (DebugSession, DebugStop) -> Void = { _, _ in }

        init(_ answers: [DebugResume] = []) {
            self.answers = answers
        }

        func stopped(_ stop: DebugStop) -> DebugResume {
            stops.append(stop)
            if let session = process?.debugSession {
                act(session, stop)
                threadsAtStops.append(session.threads.map(\.tid))
                stoppedAtStops.append(session.stoppedThread?.tid ?? 0)
                if case .forked(let child, _) = stop { childContext = session.savedContext(of: child.tid) }
            }
            return answers.isEmpty ? .continue : answers.removeFirst()
        }

        func catchesSyscall(_ number: UInt64) -> Bool { false }

        func willRun(process pid: Int64) { armed.append(pid) }
    }

    func run(_ code: [UInt32], _ hook: RecordingHook) throws -> ExitOutcome {
        let image = ProgramImage(entry: 0x10000, segments: [
            .init(virtualAddress: 0x10000, memorySize: UInt64(code.count * 4), bytes: Asm.bytes(code), permissions: [.read, .execute]),
            .init(virtualAddress: 0x11000, memorySize: 0x1800, bytes: [], permissions: [.read, .write]),
        ])
        var options = Fixtures.options()
        options.debugger = { process in hook.process = process; return hook }
        let process = try Fixtures.process(image: image, pages: 1024, options: options)
        return process.run()
    }

    /// `SchedulerTests.forkProgram` with clone flags `flags` in a0.
    static func forkProgram(flags: Int64) -> [UInt32] {
        var code = SchedulerTests.forkProgram
        let original = Asm.li(Asm.a0, 17)
        let start = (0...(code.count - original.count)).first { Array(code[$0..<$0 + original.count]) == original }!
        code.replaceSubrange(start..<start + original.count, with: Asm.li(Asm.a0, flags))
        return code
    }

    @Test func forkStopsWithTheChildAndItsEnd() throws {
        let hook = RecordingHook()
        let outcome = try run(Self.forkProgram(flags: 17), hook)
        #expect(outcome == .exited(code: 21))
        let child = DebugThread(pid: 101, tid: 101, name: "prog")
        #expect(hook.stops == [.started, .forked(child: child, vfork: false), .processEnded(pid: 101, status: 2 << 8),
                               .exited(.exited(code: 21))])
        #expect(hook.threadsAtStops[1] == [100, 101] && hook.stoppedAtStops[1] == 100)
        #expect(hook.childContext?.integerRegisters[Register.a0] == 0)
        #expect(hook.armed.prefix(3) == [100, 101, 100])
    }

    @Test func vforkStopsThenReportsTheRelease() throws {
        let hook = RecordingHook()
        let outcome = try run(Self.forkProgram(flags: 0x4111), hook)
        #expect(outcome == .exited(code: 22), "the vfork child's store is the parent's memory")
        let child = DebugThread(pid: 101, tid: 101, name: "prog")
        #expect(hook.stops == [.started, .forked(child: child, vfork: true), .processEnded(pid: 101, status: 2 << 8),
                               .vforkDone, .exited(.exited(code: 22))])
        #expect(hook.stoppedAtStops[3] == 100)
    }

    @Test func aStepFocusedOnTheChildRunsItAlone() throws {
        let hook = RecordingHook([.continue, .step, .step])
        hook.act = { session, stop in
            if case .forked(let child, _) = stop { session.focus(on: child.tid) }
        }
        let outcome = try run(Self.forkProgram(flags: 17), hook)
        #expect(outcome == .exited(code: 21))
        #expect(hook.stops.prefix(4) == [.started, .forked(child: DebugThread(pid: 101, tid: 101, name: "prog"), vfork: false),
                                         .stepped, .stepped])
        #expect(hook.stoppedAtStops[2] == 101 && hook.stoppedAtStops[3] == 101)
    }
}
