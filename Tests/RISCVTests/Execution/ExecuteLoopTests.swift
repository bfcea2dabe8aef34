import Testing
@testable import RISCV

@Suite struct ExecuteLoopTests {
    static let base = TestMachine.ramBase

    @Test func budgetStopsAtExactlyNRetiredInstructions() throws {
        let m = try TestMachine()
        m.place([Encode.addi(1, 1, 1), Encode.jal(0, -4)])
        #expect(m.hart.run(maxInstructions: 1001) == .budgetExhausted)
        #expect(m.x(1) == 501)
        #expect(m.hart.instructionsRetired == 1001)
        #expect(m.hart.pc == Self.base + 4)
        #expect(m.hart.run(maxInstructions: 1) == .budgetExhausted)
        #expect(m.hart.pc == Self.base)
        #expect(m.hart.run(maxInstructions: 0) == .budgetExhausted)
        #expect(m.hart.instructionsRetired == 1002)
        #expect(m.x(1) == 501)
    }

    @Test func coldPathsRetireAndCountExactly() throws {
        let m = try TestMachine()
        m.memory.store(UInt64(0x1122_3344_5566_7788), at: Self.base + 0x803)
        m.place([Encode.auipc(2, 0), Encode.addi(2, 2, 0x7ff), Encode.addi(2, 2, 4),
                 Encode.ld(3, 2, 0),                // misaligned: the slow path loads it
                 Encode.sd(3, 2, 8),                // misaligned store
                 Encode.csrrs(4, 0xC02, 0),         // instret: 5 retired before it
                 Encode.addi(5, 0, 7)])
        #expect(m.hart.run(maxInstructions: 7) == .budgetExhausted)
        #expect(m.x(3) == 0x1122_3344_5566_7788)
        #expect(m.memory.load(UInt64.self, at: Self.base + 0x80b) == 0x1122_3344_5566_7788)
        #expect(m.x(4) == 5)
        #expect(m.x(5) == 7)
        #expect(m.hart.instructionsRetired == 7)
        #expect(m.hart.pc == Self.base + 28)
    }

    /// The code stores a new `addi x1, x0, 2` over its first instruction and jumps back to it.
    func selfModifyingProgram(fence: Bool) -> [UInt32] {
        [Encode.addi(1, 0, 1)]
            + Encode.li(5, UInt64(Encode.addi(1, 0, 2)))
            + [Encode.auipc(6, 0), Encode.addi(6, 6, -12), Encode.sw(5, 6, 0),
               fence ? Encode.fenceI : Encode.fence, Encode.jalr(0, 6, 0)]
    }

    @Test func fenceIMakesStoredCodeVisible() throws {
        let m = try TestMachine()
        let program = selfModifyingProgram(fence: true)
        m.run(program, budget: UInt64(program.count) + 1)
        #expect(m.x(1) == 2)
    }

    @Test func fenceIMakesTheNextInstructionOfItsOwnBlockNew() throws {
        let m = try TestMachine()
        // Overwrites the addi right after fence.i, which was decoded with the rest of the block.
        let program = Encode.li(5, UInt64(Encode.addi(1, 0, 2)))
            + [Encode.auipc(6, 0), Encode.sw(5, 6, 12), Encode.fenceI, Encode.addi(1, 0, 1), Encode.addi(7, 0, 7), Encode.ecall]
        let ecallAt = Self.base + UInt64(4 * (program.count - 1))
        #expect(m.run(program, budget: 100) == .trap(Trap(.environmentCallFromM, pc: ecallAt)))
        #expect(m.x(1) == 2)
        #expect(m.x(7) == 7)
        #expect(m.hart.instructionsRetired == UInt64(program.count - 1))
    }

    @Test func withoutFenceIThePredecodedInstructionRuns() throws {
        let m = try TestMachine()
        let program = selfModifyingProgram(fence: false)
        m.run(program, budget: UInt64(program.count) + 1)
        #expect(m.x(1) == 1, "stale code is allowed without fence.i and is what the decode cache gives")
    }

    @Test func hostInvalidationOfOnePageDropsItsCode() throws {
        let m = try TestMachine()
        m.run([Encode.addi(1, 0, 1)])
        m.memory.store(Encode.addi(1, 0, 3), at: Self.base)
        m.hart.pc = Self.base
        m.hart.run(maxInstructions: 1)
        #expect(m.x(1) == 1)
        m.hart.invalidateDecodedCode(physicalPage: Self.base + 0x10)
        m.hart.pc = Self.base
        m.hart.run(maxInstructions: 1)
        #expect(m.x(1) == 3)
    }

    @Test func instructionStraddlingTwoPagesRuns() throws {
        let m = try TestMachine()
        let start = Self.base + 0xffc
        m.placeParcels([0x0001], at: start)
        m.memory.store(UInt16(truncatingIfNeeded: Encode.addi(8, 0, 9)), at: Self.base + 0xffe)
        m.memory.store(UInt16(truncatingIfNeeded: Encode.addi(8, 0, 9) >> 16), at: Self.base + 0x1000)
        m.memory.store(Encode.addi(9, 8, 1), at: Self.base + 0x1002)
        m.hart.pc = start
        #expect(m.hart.run(maxInstructions: 3) == .budgetExhausted)
        #expect(m.hart.pc == Self.base + 0x1006)
        #expect(m.x(8) == 9)
        #expect(m.x(9) == 10)
        m.hart.pc = Self.base + 0xffe
        m.hart.setRegister(8, 0)
        #expect(m.hart.run(maxInstructions: 1) == .budgetExhausted)
        #expect(m.x(8) == 9, "the straddler decodes again on its second execution")
    }

    @Test func straddlerWhoseSecondPageFaultsReportsThatPage() throws {
        let m = try TestMachine()
        let t = PageTableBuilder(memory: m.memory)
        t.map(0x1000, to: Self.base + 0x5000, flags: PageTableBuilder.r | PageTableBuilder.x)
        m.memory.store(UInt16(truncatingIfNeeded: Encode.nop), at: Self.base + 0x5ffe)
        m.hart.writeCSR(CSRAddress.satp, t.satp)
        m.hart.privilege = .supervisor
        m.hart.pc = 0x1ffe
        #expect(m.hart.run(maxInstructions: 1) == .trap(Trap(.instructionPageFault, value: 0x2000, pc: 0x1ffe)))
    }

    @Test func fetchOutsideRAMIsAnAccessFault() throws {
        let m = try TestMachine()
        m.hart.pc = 0x1000
        #expect(m.hart.run(maxInstructions: 1) == .trap(Trap(.instructionAccessFault, value: 0x1000, pc: 0x1000)))
    }

    @Test func tracerSeesEveryInstructionBeforeItRuns() throws {
        let m = try TestMachine()
        var seen: [(UInt64, UInt32)] = []
        m.hart.instructionTracer = { pc, bits in seen.append((pc, bits)) }
        m.place([Encode.addi(1, 0, 1)])
        m.placeParcels([0x0505], at: Self.base + 4)
        m.place([Encode.ecall], at: Self.base + 6)
        #expect(m.hart.run(maxInstructions: 10) == .trap(Trap(.environmentCallFromM, pc: Self.base + 6)))
        #expect(seen.map(\.0) == [Self.base, Self.base + 4, Self.base + 6])
        #expect(seen.map(\.1) == [Encode.addi(1, 0, 1), 0x0505, Encode.ecall])
        #expect(m.x(1) == 1)
        #expect(m.x(10) == 1, "0x0505 is c.addi a0, 1")
        #expect(m.hart.instructionsRetired == 2)
    }
}
