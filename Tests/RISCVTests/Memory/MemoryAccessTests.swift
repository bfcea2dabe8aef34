import Testing
@testable import RISCV

@Suite struct MemoryAccessTests {
    typealias P = PageTableBuilder
    static let base = TestMachine.ramBase
    static let data = base + 0x2000

    @Test func misalignedLoadsAndStoresWork() throws {
        let m = try TestMachine()
        m.memory.write([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as [UInt8], at: Self.data)
        m.hart.setRegister(1, Self.data + 1)
        m.hart.setRegister(5, 0xa1a2_a3a4_a5a6_a7a8)
        m.run([Encode.ld(2, 1, 0), Encode.lw(3, 1, 2), Encode.lh(4, 1, 0), Encode.sd(5, 1, 2)])
        #expect(m.x(2) == 0x0908_0706_0504_0302)
        #expect(m.x(3) == 0x0706_0504)
        #expect(m.x(4) == 0x0302)
        #expect(m.memory.read(at: Self.data, length: 12) == [1, 2, 3, 0xa8, 0xa7, 0xa6, 0xa5, 0xa4, 0xa3, 0xa2, 0xa1, 0])
    }

    /// Pages 0x1000 and 0x2000 map to frames that are not adjacent.
    func crossPageMachine(secondFlags: UInt64?) throws -> TestMachine {
        let m = try TestMachine()
        let t = PageTableBuilder(memory: m.memory)
        t.map(Self.base, to: Self.base, flags: P.r | P.w | P.x, level: 2)
        t.map(0x1000, to: Self.base + 0x5000, flags: P.r | P.w)
        if let secondFlags { t.map(0x2000, to: Self.base + 0x3000, flags: secondFlags) }
        m.hart.writeCSR(CSRAddress.satp, t.satp)
        m.hart.privilege = .supervisor
        return m
    }

    @Test func accessesAcrossAPageBoundaryUseBothTranslations() throws {
        let m = try crossPageMachine(secondFlags: P.r | P.w)
        m.memory.store(UInt32(0x4433_2211), at: Self.base + 0x5ffc)
        m.memory.store(UInt32(0x8877_6655), at: Self.base + 0x3000)
        m.hart.setRegister(1, 0x1ffc)
        m.hart.setRegister(5, 0x0102_0304_0506_0708)
        m.run([Encode.ld(2, 1, 0), Encode.sd(5, 1, 2)])
        #expect(m.x(2) == 0x8877_6655_4433_2211)
        #expect(m.memory.load(UInt16.self, at: Self.base + 0x5ffe) == 0x0708)
        #expect(m.memory.load(UInt64.self, at: Self.base + 0x3000) == 0x0000_0102_0304_0506)
    }

    @Test func crossPageFaultReportsTheFirstFaultingByte() throws {
        let m = try crossPageMachine(secondFlags: nil)
        m.hart.setRegister(1, 0x1ffc)
        #expect(m.run([Encode.ld(2, 1, 0)]) == .trap(Trap(.loadPageFault, value: 0x2000, pc: Self.base)))
        let readOnly = try crossPageMachine(secondFlags: P.r)
        readOnly.hart.setRegister(1, 0x1ffe)
        readOnly.hart.setRegister(5, UInt64.max)
        #expect(readOnly.run([Encode.sw(5, 1, 0)]) == .trap(Trap(.storePageFault, value: 0x2000, pc: Self.base)))
        #expect(readOnly.memory.load(UInt16.self, at: Self.base + 0x5ffe) == 0, "no byte is stored")
        readOnly.hart.setRegister(1, 0xffe)
        #expect(readOnly.run([Encode.sw(5, 1, 0)]) == .trap(Trap(.storePageFault, value: 0xffe, pc: Self.base)))
    }

    @Test func accessesOutsideRAMAreAccessFaults() throws {
        let m = try TestMachine()
        m.hart.setRegister(1, 0x1000)
        #expect(m.run([Encode.lw(2, 1, 0)]) == .trap(Trap(.loadAccessFault, value: 0x1000, pc: Self.base)))
        #expect(m.run([Encode.sb(2, 1, 0)]) == .trap(Trap(.storeAccessFault, value: 0x1000, pc: Self.base)))
        m.hart.setRegister(1, Self.base + m.memory.size - 4)
        #expect(m.run([Encode.ld(2, 1, 0)]) == .trap(Trap(.loadAccessFault, value: Self.base + m.memory.size, pc: Self.base)),
                "the first byte past RAM faults")
        m.hart.setRegister(1, UInt64.max - 3)
        #expect(m.run([Encode.ld(2, 1, 0)]) == .trap(Trap(.loadAccessFault, value: UInt64.max - 3, pc: Self.base)))
    }

    @Test func storeToTohostStopsPastTheStore() throws {
        let m = try TestMachine()
        let tohost = Self.base + 0x1000
        m.hart.tohostAddress = tohost
        m.hart.setRegister(1, tohost)
        m.hart.setRegister(2, 0x2b)
        let stop = m.run([Encode.sd(2, 1, 8), Encode.sd(2, 1, 8), Encode.sd(2, 1, 0), Encode.nop], budget: 10)
        #expect(stop == .tohost(0x2b))
        #expect(m.hart.pc == Self.base + 12)
        #expect(m.hart.instructionsRetired == 3)
        #expect(m.memory.load(UInt64.self, at: tohost) == 0x2b)
        #expect(m.run([Encode.sw(2, 1, 0)], budget: 10) == .tohost(0x2b), "a second store stops again")
    }

    /// HTIF ignores a zero word (Spike): a wild store of 0 must not end the run as a pass.
    @Test func storingZeroToTohostDoesNotStop() throws {
        let m = try TestMachine()
        let tohost = Self.base + 0x1000
        m.hart.tohostAddress = tohost
        m.hart.setRegister(1, tohost)
        m.hart.setRegister(2, 7)
        let stop = m.run([Encode.sd(0, 1, 0), Encode.sb(0, 1, 0), Encode.sd(2, 1, 0), Encode.nop], budget: 10)
        #expect(stop == .tohost(7))
        #expect(m.hart.pc == Self.base + 12)
        let outside = try TestMachine()
        outside.hart.tohostAddress = 0x4000_0000
        outside.hart.setRegister(1, 0x4000_0000)
        #expect(outside.run([Encode.sd(0, 1, 0), Encode.nop], budget: 2) == .budgetExhausted)
    }

    @Test func tohostOutsideRAMReportsTheStoredValue() throws {
        let m = try TestMachine()
        m.hart.tohostAddress = 0x4000_0000
        m.hart.setRegister(1, 0x4000_0000)
        m.hart.setRegister(2, 1)
        #expect(m.run([Encode.sd(2, 1, 0)], budget: 5) == .tohost(1))
    }
}
