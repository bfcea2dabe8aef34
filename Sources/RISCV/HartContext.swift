/// The user-visible state of one software thread on the hart: x1...x31, f0...f31, fcsr and pc.
///
/// An OS that runs several tasks on one hart saves this when a task leaves the CPU and restores it
/// when the task comes back (xv6's `struct context` plus the trap frame's user registers). The
/// privilege, satp and the counters are the OS's business and are not part of it.
public struct HartContext: Equatable, Sendable {
    /// x0...x31 (x0 is always 0).
    public var integerRegisters: [UInt64]
    /// f0...f31 as raw 64-bit patterns.
    public var floatRegisters: [UInt64]
    /// fflags (bits 4:0) and frm (bits 7:5).
    public var fcsr: UInt64
    public var pc: UInt64

    /// All registers zero, fcsr 0, pc 0.
    public init() {
        integerRegisters = [UInt64](repeating: 0, count: 32)
        floatRegisters = [UInt64](repeating: 0, count: 32)
        fcsr = 0
        pc = 0
    }
}

extension Hart {
    /// The current task's registers, fcsr and pc.
    public func saveContext() -> HartContext {
        var context = HartContext()
        for i in 1..<32 { context.integerRegisters[i] = registers[i] }
        for i in 0..<32 { context.floatRegisters[i] = floatRegisters[i] }
        context.fcsr = readCSR(CSRAddress.fcsr)
        context.pc = pc
        return context
    }

    /// Loads `context` into the hart and drops any LR reservation (an SC of the next task must not
    /// succeed on a reservation the previous one took). Precondition: 32 registers of each kind.
    public func restoreContext(_ context: HartContext) {
        precondition(context.integerRegisters.count == 32 && context.floatRegisters.count == 32, "malformed context")
        for i in 1..<32 { registers[i] = context.integerRegisters[i] }
        for i in 0..<32 { floatRegisters[i] = context.floatRegisters[i] }
        writeCSR(CSRAddress.fcsr, context.fcsr)
        pc = context.pc
        reservation = nil
    }
}
