import Kernel
import RISCV

/// What the stub debugs: a hart, the tasks of the run (gdb threads) and the memory each process
/// sees. A bare-metal program is one thread, 1 of process 1.
public protocol DebugTarget: AnyObject {
    /// The hart: the registers of the stopped thread.
    var hart: Hart { get }
    /// Whether the program runs bare-metal (M-mode, privileged registers shown) or hosted (a Linux process).
    var isBare: Bool { get }
    /// Every live thread, by tid.
    var threads: [DebugThread] { get }
    /// The thread on the hart (the one that stopped).
    var stoppedThread: DebugThread { get }
    /// The saved registers of `thread` while it is off the hart; nil for the stopped thread or one that is gone.
    func savedContext(of thread: DebugThread) -> HartContext?
    /// Replaces the saved registers of `thread`; false for the stopped thread or one that is gone.
    func setSavedContext(_ context: HartContext, of thread: DebugThread) -> Bool
    /// Makes `thread` the one the next resume runs first (nil: the scheduler's choice).
    func focus(on thread: DebugThread?)
    /// Up to `count` bytes at virtual address `address` of process `pid`: those before the first unreachable byte.
    func readMemory(_ address: UInt64, count: Int, process pid: Int64) -> [UInt8]
    /// Writes `bytes` at virtual address `address` of process `pid`; false when some byte is unreachable.
    func writeMemory(_ bytes: [UInt8], at address: UInt64, process pid: Int64) -> Bool
}

/// A target of one thread: the hart's.
public protocol SingleThreadTarget: DebugTarget {}

extension SingleThreadTarget {
    public var threads: [DebugThread] { [stoppedThread] }
    public var stoppedThread: DebugThread { DebugThread(pid: 1, tid: 1, name: "hart") }
    public func savedContext(of thread: DebugThread) -> HartContext? { nil }
    public func setSavedContext(_ context: HartContext, of thread: DebugThread) -> Bool { false }
    public func focus(on thread: DebugThread?) {}
}

/// A hosted program: its tasks and memory through the run's `DebugSession` (each process's page
/// table and regions, `Process.debugRead`).
public final class HostedTarget: DebugTarget {
    private unowned let process: Process

    public init(process: Process) {
        self.process = process
    }

    public var hart: Hart { process.hart }
    public var isBare: Bool { false }

    public var threads: [DebugThread] { process.debugSession?.threads ?? [] }

    public var stoppedThread: DebugThread {
        process.debugSession?.stoppedThread ?? DebugThread(pid: Process.processID, tid: Process.processID, name: "")
    }

    public func savedContext(of thread: DebugThread) -> HartContext? {
        process.debugSession?.savedContext(of: thread.tid)
    }

    public func setSavedContext(_ context: HartContext, of thread: DebugThread) -> Bool {
        process.debugSession?.setSavedContext(context, of: thread.tid) ?? false
    }

    public func focus(on thread: DebugThread?) {
        process.debugSession?.focus(on: thread?.tid)
    }

    public func readMemory(_ address: UInt64, count: Int, process pid: Int64) -> [UInt8] {
        process.debugSession?.readMemory(of: pid, address, count: count) ?? []
    }

    public func writeMemory(_ bytes: [UInt8], at address: UInt64, process pid: Int64) -> Bool {
        process.debugSession?.writeMemory(of: pid, bytes, at: address) ?? false
    }
}

/// A bare-metal program: memory through the hart's current translation (`Hart.debugRead`).
public final class BareTarget: SingleThreadTarget {
    public let hart: Hart

    public init(hart: Hart) {
        self.hart = hart
    }

    public var isBare: Bool { true }

    public func readMemory(_ address: UInt64, count: Int, process pid: Int64) -> [UInt8] {
        hart.debugRead(address, count: count)
    }

    public func writeMemory(_ bytes: [UInt8], at address: UInt64, process pid: Int64) -> Bool {
        hart.debugWrite(bytes, at: address)
    }
}
