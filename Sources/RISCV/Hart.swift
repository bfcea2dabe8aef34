// PUBLIC API CONTRACT (stub bodies; the hart implementation replaces them, keeping every signature).

/// The privilege levels of the hart.
public enum PrivilegeMode: UInt8, Sendable {
    case user = 0, supervisor = 1, machine = 3
}

/// How the hart delivers traps.
public enum TrapDelivery: Sendable {
    /// Every trap is returned from `run` to the caller (the Swift kernel); the hart's state is as
    /// before the trapping instruction, with `pc == trap.pc`.
    case hosted
    /// Traps go through mtvec/stvec with medeleg delegation, as on real hardware.
    case architectural
}

/// Why `Hart.run` returned.
public enum StopReason: Equatable, Sendable {
    /// Hosted delivery only: a trap was taken. `pc` is the trapping instruction's.
    case trap(Trap)
    /// `maxInstructions` instructions retired.
    case budgetExhausted
    /// A store wrote `value` to the physical address `tohostAddress`; `pc` is past the store.
    case tohost(UInt64)
}

/// One RV64IMAC(+FD) hart with M/S/U privilege and a Sv39 MMU.
public final class Hart {
    public let memory: PhysicalMemory
    public var delivery: TrapDelivery

    public init(memory: PhysicalMemory, delivery: TrapDelivery) {
        self.memory = memory
        self.delivery = delivery
    }

    public var pc: UInt64 = 0
    public var privilege: PrivilegeMode = .machine
    /// instret: instructions retired since reset.
    public var instructionsRetired: UInt64 = 0
    /// Physical address of the HTIF `tohost` word, if any.
    public var tohostAddress: UInt64?
    /// When set, `run` takes a slower path and calls this before executing each instruction.
    public var instructionTracer: ((_ pc: UInt64, _ bits: UInt32) -> Void)?

    /// x[i]; x0 reads 0.
    public func register(_ i: Int) -> UInt64 { fatalError("unimplemented") }
    /// Sets x[i]; writes to x0 are ignored.
    public func setRegister(_ i: Int, _ value: UInt64) { fatalError("unimplemented") }
    /// f[i] as raw 64 bits.
    public func floatRegister(_ i: Int) -> UInt64 { fatalError("unimplemented") }
    public func setFloatRegister(_ i: Int, _ value: UInt64) { fatalError("unimplemented") }
    /// Reads a CSR without privilege checks (for the host and tests).
    public func readCSR(_ address: UInt16) -> UInt64 { fatalError("unimplemented") }
    /// Writes a CSR without privilege checks, applying its WARL rules; satp writes flush the TLB.
    public func writeCSR(_ address: UInt16, _ value: UInt64) { fatalError("unimplemented") }
    /// Drops every TLB entry (what sfence.vma does).
    public func flushTLB() { fatalError("unimplemented") }
    /// Drops every predecoded instruction (what fence.i does).
    public func invalidateDecodedCode() { fatalError("unimplemented") }
    /// Drops the predecoded instructions of one physical page (call before reusing a freed frame).
    public func invalidateDecodedCode(physicalPage: UInt64) { fatalError("unimplemented") }
    /// Runs until a stop reason arises or `maxInstructions` more instructions retire.
    public func run(maxInstructions: UInt64) -> StopReason { fatalError("unimplemented") }
}
