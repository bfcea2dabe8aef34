@testable import RISCV

/// A hart with 8 MiB of RAM at 0x8000_0000 and helpers to place code and run it.
final class TestMachine {
    static let ramBase: UInt64 = 0x8000_0000
    let memory: PhysicalMemory
    let hart: Hart

    init(delivery: TrapDelivery = .hosted, ramSize: UInt64 = 8 << 20) throws {
        memory = try PhysicalMemory(size: ramSize)
        hart = Hart(memory: memory, delivery: delivery)
        hart.pc = TestMachine.ramBase
    }

    /// Writes instruction words at `address` (dropping predecoded code, as any host that writes code
    /// must); returns the address after them.
    @discardableResult
    func place(_ words: [UInt32], at address: UInt64 = TestMachine.ramBase) -> UInt64 {
        for (i, word) in words.enumerated() { memory.store(word, at: address + UInt64(4 * i)) }
        hart.invalidateDecodedCode()
        return address + UInt64(4 * words.count)
    }

    /// Writes 16-bit parcels at `address`; returns the address after them.
    @discardableResult
    func placeParcels(_ parcels: [UInt16], at address: UInt64 = TestMachine.ramBase) -> UInt64 {
        for (i, parcel) in parcels.enumerated() { memory.store(parcel, at: address + UInt64(2 * i)) }
        hart.invalidateDecodedCode()
        return address + UInt64(2 * parcels.count)
    }

    /// Places `words` at RAM base, sets pc there and runs `budget` instructions (default: all of them).
    @discardableResult
    func run(_ words: [UInt32], budget: UInt64? = nil) -> StopReason {
        place(words)
        hart.pc = TestMachine.ramBase
        return hart.run(maxInstructions: budget ?? UInt64(words.count))
    }

    func x(_ i: Int) -> UInt64 { hart.register(i) }
}
