import Testing
@testable import RISCV

/// The public state API the kernel and the bare-metal runner drive the hart with.
@Suite struct HartTests {
    @Test func resetState() throws {
        let m = try TestMachine()
        let h = Hart(memory: m.memory, delivery: .hosted)
        #expect(h.pc == 0)
        #expect(h.privilege == .machine)
        #expect(h.instructionsRetired == 0)
        #expect((0..<32).allSatisfy { h.register($0) == 0 && h.floatRegister($0) == 0 })
        #expect(h.readCSR(CSRAddress.satp) == 0)
    }

    @Test func registersAndX0() throws {
        let m = try TestMachine()
        m.hart.setRegister(0, 5)
        m.hart.setRegister(31, 6)
        m.hart.setFloatRegister(0, 7)
        #expect(m.x(0) == 0)
        #expect(m.x(31) == 6)
        #expect(m.hart.floatRegister(0) == 7)
    }

    @Test func unimplementedCSRsReadZeroAndIgnoreWrites() throws {
        let m = try TestMachine()
        m.hart.writeCSR(0x7c0, 5)
        #expect(m.hart.readCSR(0x7c0) == 0)
        m.hart.writeCSR(CSRAddress.mhartid, 5)
        #expect(m.hart.readCSR(CSRAddress.mhartid) == 0)
    }

    @Test func writingMinstretSetsTheCounterNotTheRetiredCount() throws {
        let m = try TestMachine()
        m.hart.writeCSR(CSRAddress.minstret, 100)
        #expect(m.hart.instructionsRetired == 0)
        #expect(m.hart.readCSR(CSRAddress.minstret) == 100)
        m.run([Encode.nop, Encode.csrrs(1, CSRAddress.instret, 0)])
        #expect(m.x(1) == 101)
        #expect(m.hart.readCSR(CSRAddress.instret) == 102)
        #expect(m.hart.instructionsRetired == 2)
    }

    /// An M-mode load with MPRV (MPP = S) caches an S-only page; after the host drops the hart to
    /// U-mode, the same load must fault instead of hitting that entry.
    @Test func settingPrivilegeDropsTranslations() throws {
        typealias P = PageTableBuilder
        let m = try TestMachine()
        let t = PageTableBuilder(memory: m.memory)
        t.map(TestMachine.ramBase, to: TestMachine.ramBase, flags: P.r | P.x | P.u, level: 2)
        t.map(0x1000, to: TestMachine.ramBase + 0x30_0000, flags: P.r)
        m.memory.store(UInt64(42), at: TestMachine.ramBase + 0x30_0000)
        m.hart.writeCSR(CSRAddress.satp, t.satp)
        m.hart.writeCSR(CSRAddress.mstatus, MStatus.mprv | 1 << 11)
        m.hart.setRegister(1, 0x1000)
        #expect(m.run([Encode.ld(2, 1, 0)]) == .budgetExhausted)
        #expect(m.x(2) == 42)
        m.hart.privilege = .user
        m.hart.pc = TestMachine.ramBase
        #expect(m.hart.run(maxInstructions: 1) == .trap(Trap(.loadPageFault, value: 0x1000, pc: TestMachine.ramBase)))
    }

    @Test func oddPcIsAMisalignedFetch() throws {
        let m = try TestMachine()
        m.hart.pc = TestMachine.ramBase + 1
        #expect(m.hart.run(maxInstructions: 1)
                == .trap(Trap(.instructionAddressMisaligned, value: TestMachine.ramBase + 1, pc: TestMachine.ramBase + 1)))
    }

    @Test func invalidatingAPageOutsideRAMIsIgnored() throws {
        let m = try TestMachine()
        m.hart.invalidateDecodedCode(physicalPage: 0x1000)
        #expect(m.run([Encode.addi(1, 0, 1)]) == .budgetExhausted)
        #expect(m.x(1) == 1)
    }
}
