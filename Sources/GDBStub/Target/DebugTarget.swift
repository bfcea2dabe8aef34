import Kernel
import RISCV

/// What the stub debugs: a hart and the memory its program sees. One task (gdb thread 1) for now;
/// a task list would add a hart per thread here.
public protocol DebugTarget: AnyObject {
    /// The hart whose registers the client reads and writes.
    var hart: Hart { get }
    /// Whether the program runs bare-metal (M-mode, privileged registers shown) or hosted (a Linux process).
    var isBare: Bool { get }
    /// Up to `count` bytes at virtual address `address`: those before the first unreachable byte.
    func readMemory(_ address: UInt64, count: Int) -> [UInt8]
    /// Writes `bytes` at virtual address `address`; false when some byte is unreachable.
    func writeMemory(_ bytes: [UInt8], at address: UInt64) -> Bool
}

/// A hosted program: memory through the process's page table and regions (`Process.debugRead`).
public final class HostedTarget: DebugTarget {
    private unowned let process: Process

    public init(process: Process) {
        self.process = process
    }

    public var hart: Hart { process.hart }
    public var isBare: Bool { false }

    public func readMemory(_ address: UInt64, count: Int) -> [UInt8] {
        process.debugRead(address, count: count)
    }

    public func writeMemory(_ bytes: [UInt8], at address: UInt64) -> Bool {
        process.debugWrite(bytes, at: address)
    }
}

/// A bare-metal program: memory through the hart's current translation (`Hart.debugRead`).
public final class BareTarget: DebugTarget {
    public let hart: Hart

    public init(hart: Hart) {
        self.hart = hart
    }

    public var isBare: Bool { true }

    public func readMemory(_ address: UInt64, count: Int) -> [UInt8] {
        hart.debugRead(address, count: count)
    }

    public func writeMemory(_ bytes: [UInt8], at address: UInt64) -> Bool {
        hart.debugWrite(bytes, at: address)
    }
}
