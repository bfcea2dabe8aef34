import GDBStub
import Kernel
import RISCV

/// A target of several threads over one hart, as a hosted run with processes and threads shows
/// them: the stopped thread's registers are the hart's, the others' saved contexts; memory per pid.
final class ThreadedTarget: DebugTarget {
    let hart: Hart
    var isBare: Bool { false }
    var threads: [DebugThread]
    var stoppedThread: DebugThread
    var contexts: [Int64: HartContext] = [:]
    /// The thread of the last `focus(on:)` (nil: none asked), and whether one was asked at all.
    var focused: DebugThread?
    var focusCalls = 0
    /// Reads by pid, to see which process's memory a packet went to.
    var memoryReads: [Int64] = []

    init(hart: Hart, threads: [DebugThread]) {
        self.hart = hart
        self.threads = threads
        stoppedThread = threads[0]
        for thread in threads {
            var context = HartContext()
            context.pc = 0x1000 * UInt64(thread.tid)
            context.integerRegisters[10] = UInt64(thread.tid)
            contexts[thread.tid] = context
        }
    }

    func savedContext(of thread: DebugThread) -> HartContext? {
        thread == stoppedThread ? nil : contexts[thread.tid]
    }

    func setSavedContext(_ context: HartContext, of thread: DebugThread) -> Bool {
        guard thread != stoppedThread, contexts[thread.tid] != nil else { return false }
        contexts[thread.tid] = context
        return true
    }

    func focus(on thread: DebugThread?) {
        focused = thread
        focusCalls += 1
    }

    func readMemory(_ address: UInt64, count: Int, process pid: Int64) -> [UInt8] {
        memoryReads.append(pid)
        return [UInt8](repeating: UInt8(truncatingIfNeeded: pid), count: count)
    }

    func writeMemory(_ bytes: [UInt8], at address: UInt64, process pid: Int64) -> Bool { true }
}

/// A stub serving a `ThreadedTarget`: process 0x64 with threads 0x64, 0x65, 0x66 and process 0x67.
final class ThreadedFixture {
    static let threads = [DebugThread(pid: 0x64, tid: 0x64, name: "main"), DebugThread(pid: 0x64, tid: 0x65, name: "work<1>"),
                          DebugThread(pid: 0x64, tid: 0x66, name: "work"), DebugThread(pid: 0x67, tid: 0x67, name: "child")]
    let hart: Hart
    let target: ThreadedTarget
    let connection: ScriptedConnection
    let server: GDBServer

    /// `packets` after a qSupported offering `features`.
    init(_ packets: [String], features: String = "multiprocess+;fork-events+;vfork-events+;exec-events+;swbreak+") throws {
        hart = Hart(memory: try PhysicalMemory(size: 1 << 16), delivery: .architectural)
        hart.pc = 0x64000
        target = ThreadedTarget(hart: hart, threads: ThreadedFixture.threads)
        connection = ScriptedConnection(packets: ["qSupported:" + features] + packets)
        server = GDBServer(connection: connection, target: target, warn: { _ in })
    }

    /// Serves from the first stop; the replies after qSupported's.
    func serve(_ stop: DebugStop = .started) -> (DebugResume, [String]) {
        let resume = server.stopped(stop)
        return (resume, Array(connection.replies.dropFirst()))
    }

    /// Queues more packets for the next stop.
    func queue(_ packets: [String]) {
        connection.queue(packets.map { PacketDecoder.frame(Array($0.utf8)) })
    }
}
