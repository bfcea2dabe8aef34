import Testing
@testable import RISCV

/// The debugger's view of memory: translated like a load, without permission checks or side effects.
@Suite struct DebugAccessTests {
    static let base = TestMachine.ramBase

    @Test func sv39ReadIgnoresPermissionsAndSetsNoAccessedBit() throws {
        let m = try TestMachine()
        let tables = PageTableBuilder(memory: m.memory)
        let pte = tables.map(0x1000, to: Self.base + 0x3000, flags: PageTableBuilder.x | PageTableBuilder.u)
        m.memory.write([1, 2, 3, 4], at: Self.base + 0x3ffe)
        m.memory.write([5, 6], at: Self.base + 0x5000)
        tables.map(0x2000, to: Self.base + 0x5000, flags: PageTableBuilder.r | PageTableBuilder.u)
        m.hart.writeCSR(CSRAddress.satp, tables.satp)
        m.hart.privilege = .user
        #expect(m.hart.debugRead(0x1ffe, count: 4) == [1, 2, 5, 6])
        #expect(m.memory.load(UInt64.self, at: pte) & PageTableBuilder.a == 0)
        #expect(m.hart.debugRead(0x3000, count: 4) == [])
        #expect(m.hart.debugRead(0x2fff, count: 4) == [0])
        #expect(m.hart.debugTranslate(0x40_0000_0000) == nil)
    }

    @Test func writeDropsPredecodedCode() throws {
        let m = try TestMachine()
        m.place([Encode.addi(1, 0, 1), Encode.ecall])
        #expect(m.hart.run(maxInstructions: 1) == .budgetExhausted)
        #expect(m.hart.debugWrite(withUnsafeBytes(of: Encode.addi(1, 0, 2).littleEndian, Array.init), at: Self.base))
        m.hart.pc = Self.base
        #expect(m.hart.run(maxInstructions: 1) == .budgetExhausted)
        #expect(m.x(1) == 2)
        #expect(!m.hart.debugWrite([0], at: Self.base + (8 << 20)))
    }
}
