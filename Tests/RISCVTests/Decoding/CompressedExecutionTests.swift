import Testing
@testable import RISCV

@Suite struct CompressedExecutionTests {
    @Test func mixedLengthCodeAdvancesByEachLength() throws {
        let m = try TestMachine()
        // c.li a0,-32 ; addi a1,zero,5 (32-bit, at offset 2) ; c.add a0,a1 ; c.jalr a2 ; (target) c.mv t6,ra
        let base = TestMachine.ramBase
        m.hart.setRegister(12, base + 12)
        m.placeParcels([0x5501])
        m.place([Encode.addi(11, 0, 5)], at: base + 2)
        m.placeParcels([0x952e, 0x9602, 0x0001, 0x8f86], at: base + 6)
        #expect(m.hart.run(maxInstructions: 5) == .budgetExhausted)
        #expect(m.x(10) == UInt64(bitPattern: -27))
        #expect(m.x(1) == base + 10, "c.jalr links pc + 2")
        #expect(m.x(31) == base + 10)
        #expect(m.hart.pc == base + 14)
    }

    @Test func compressedLoadsAndStoresUseTheStackPointer() throws {
        let m = try TestMachine()
        let stack = TestMachine.ramBase + 0x3000
        m.hart.setRegister(2, stack)
        m.hart.setRegister(10, 0x1122_3344_5566_7788)
        // c.sdsp a0,504(sp) ; c.ldsp t6,... no: c.ldsp a0? use c.lwsp a0,252(sp) after c.swsp a0,252(sp)
        m.placeParcels([0xffaa, 0xdfaa, 0x757e, 0x0f86])
        #expect(m.hart.run(maxInstructions: 3) == .budgetExhausted)
        #expect(m.memory.load(UInt64.self, at: stack + 504) == 0x1122_3344_5566_7788)
        #expect(m.memory.load(UInt32.self, at: stack + 252) == 0x5566_7788)
        #expect(m.x(10) == 0x1122_3344_5566_7788)
    }

    @Test func compressedEbreakReportsItsParcelPc() throws {
        let m = try TestMachine()
        m.placeParcels([0x0001, 0x9002])
        #expect(m.hart.run(maxInstructions: 5)
                == .trap(Trap(.breakpoint, value: TestMachine.ramBase + 2, pc: TestMachine.ramBase + 2)))
        #expect(m.hart.instructionsRetired == 1)
    }
}
