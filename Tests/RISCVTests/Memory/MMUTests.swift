import Testing
@testable import RISCV

/// Sv39 tests. Code runs at 0x8000_0000, identity-mapped by a gigapage (RWX, and U when the test
/// runs in U-mode); data pages are mapped per test.
@Suite struct MMUTests {
    typealias P = PageTableBuilder
    static let base = TestMachine.ramBase
    static let frame = base + 0x30_0000

    func machine(_ mode: PrivilegeMode, codeUser: Bool? = nil) throws -> (TestMachine, PageTableBuilder) {
        let m = try TestMachine()
        let tables = PageTableBuilder(memory: m.memory)
        let user = codeUser ?? (mode == .user)
        tables.map(Self.base, to: Self.base, flags: P.r | P.w | P.x | P.a | P.d | (user ? P.u : 0), level: 2)
        m.hart.writeCSR(CSRAddress.satp, tables.satp)
        m.hart.privilege = mode
        return (m, tables)
    }

    /// Runs `ld x2, 0(x1)` with x1 = va; returns the stop reason.
    func load(_ m: TestMachine, _ va: UInt64) -> StopReason {
        m.hart.setRegister(1, va)
        return m.run([Encode.ld(2, 1, 0)])
    }

    func store(_ m: TestMachine, _ va: UInt64, _ value: UInt64 = 0x55) -> StopReason {
        m.hart.setRegister(1, va)
        m.hart.setRegister(2, value)
        return m.run([Encode.sd(2, 1, 0)])
    }

    @Test func fourKilobytePageTranslates() throws {
        let (m, t) = try machine(.supervisor)
        t.map(0x1000, to: Self.frame, flags: P.r | P.w)
        #expect(store(m, 0x1008, 0xabcd) == .budgetExhausted)
        #expect(m.memory.load(UInt64.self, at: Self.frame + 8) == 0xabcd)
        #expect(load(m, 0x1008) == .budgetExhausted)
        #expect(m.x(2) == 0xabcd)
    }

    @Test func megapageTranslates() throws {
        let (m, t) = try machine(.supervisor)
        t.map(0x4020_0000, to: Self.base + 0x20_0000, flags: P.r, level: 1)
        m.memory.store(UInt64(77), at: Self.base + 0x21_2348)
        #expect(load(m, 0x4021_2348) == .budgetExhausted)
        #expect(m.x(2) == 77)
    }

    @Test func misalignedSuperpageFaults() throws {
        let (m, t) = try machine(.supervisor)
        t.map(0x4020_0000, to: Self.base + 0x1000, flags: P.r, level: 1)
        #expect(load(m, 0x4020_0010) == .trap(Trap(.loadPageFault, value: 0x4020_0010, pc: Self.base)))
    }

    @Test func nonCanonicalAddressesFault() throws {
        let (m, _) = try machine(.supervisor)
        #expect(load(m, 0x80_0000_0000) == .trap(Trap(.loadPageFault, value: 0x80_0000_0000, pc: Self.base)))
        #expect(store(m, 0xffff_ff00_0000_0000) == .trap(Trap(.storePageFault, value: 0xffff_ff00_0000_0000, pc: Self.base)))
    }

    @Test func unmappedAndReadOnlyPagesFaultWithTheirCause() throws {
        let (m, t) = try machine(.supervisor)
        t.map(0x1000, to: Self.frame, flags: P.r)
        #expect(load(m, 0x2000) == .trap(Trap(.loadPageFault, value: 0x2000, pc: Self.base)))
        #expect(store(m, 0x1010) == .trap(Trap(.storePageFault, value: 0x1010, pc: Self.base)))
        m.hart.pc = 0x1000
        #expect(m.hart.run(maxInstructions: 1) == .trap(Trap(.instructionPageFault, value: 0x1000, pc: 0x1000)))
    }

    @Test func writeWithoutReadIsReserved() throws {
        let (m, t) = try machine(.supervisor)
        t.map(0x1000, to: Self.frame, flags: P.w)
        #expect(store(m, 0x1000) == .trap(Trap(.storePageFault, value: 0x1000, pc: Self.base)))
    }

    @Test func pageTableOutsideRAMIsAnAccessFault() throws {
        let (m, _) = try machine(.supervisor)
        m.hart.writeCSR(CSRAddress.satp, 8 << 60 | 0x10)
        m.hart.pc = Self.base
        #expect(m.hart.run(maxInstructions: 1) == .trap(Trap(.instructionAccessFault, value: Self.base, pc: Self.base)))
    }

    @Test func leafOutsideRAMIsAnAccessFault() throws {
        let (m, t) = try machine(.supervisor)
        t.map(0x1000, to: 0x2000_0000, flags: P.r)
        #expect(load(m, 0x1000) == .trap(Trap(.loadAccessFault, value: 0x1000, pc: Self.base)))
    }

    @Test func userPagesNeedSUMInSupervisorMode() throws {
        let (m, t) = try machine(.supervisor)
        t.map(0x1000, to: Self.frame, flags: P.r | P.w | P.x | P.u)
        #expect(load(m, 0x1000) == .trap(Trap(.loadPageFault, value: 0x1000, pc: Self.base)))
        m.hart.writeCSR(CSRAddress.sstatus, MStatus.sum)
        #expect(load(m, 0x1000) == .budgetExhausted)
        m.hart.pc = 0x1000
        #expect(m.hart.run(maxInstructions: 1) == .trap(Trap(.instructionPageFault, value: 0x1000, pc: 0x1000)),
                "S-mode never executes U pages")
    }

    @Test func userModeCannotTouchSupervisorPages() throws {
        let (m, t) = try machine(.user)
        t.map(0x1000, to: Self.frame, flags: P.r | P.w)
        t.map(0x2000, to: Self.frame, flags: P.r | P.w | P.u)
        #expect(load(m, 0x1000) == .trap(Trap(.loadPageFault, value: 0x1000, pc: Self.base)))
        #expect(load(m, 0x2000) == .budgetExhausted)
    }

    @Test func mxrMakesExecutablePagesReadable() throws {
        let (m, t) = try machine(.supervisor)
        t.map(0x1000, to: Self.frame, flags: P.x)
        #expect(load(m, 0x1000) == .trap(Trap(.loadPageFault, value: 0x1000, pc: Self.base)))
        m.hart.writeCSR(CSRAddress.sstatus, MStatus.mxr)
        #expect(load(m, 0x1000) == .budgetExhausted)
    }

    @Test func accessedAndDirtyBitsAreSetByHardware() throws {
        let (m, t) = try machine(.supervisor)
        let pte = t.map(0x1000, to: Self.frame, flags: P.r | P.w)
        #expect(load(m, 0x1000) == .budgetExhausted)
        #expect(m.memory.load(UInt64.self, at: pte) & (P.a | P.d) == P.a)
        #expect(store(m, 0x1000) == .budgetExhausted)
        #expect(m.memory.load(UInt64.self, at: pte) & (P.a | P.d) == P.a | P.d)
    }

    @Test func mprvTranslatesMachineLoadsWithMPP() throws {
        let (m, t) = try machine(.machine)
        t.map(0x1000, to: Self.frame, flags: P.r | P.w)
        m.memory.store(UInt64(99), at: Self.frame)
        m.hart.writeCSR(CSRAddress.mstatus, MStatus.mprv | 1 << 11)
        #expect(load(m, 0x1000) == .budgetExhausted)
        #expect(m.x(2) == 99)
        m.hart.writeCSR(CSRAddress.mstatus, MStatus.mprv)
        #expect(load(m, 0x1000) == .trap(Trap(.loadPageFault, value: 0x1000, pc: Self.base)), "MPP = U: S page denied")
    }

    @Test func machineModeAndBareSatpAreIdentity() throws {
        let (m, _) = try machine(.machine)
        m.memory.store(UInt64(5), at: Self.frame)
        #expect(load(m, Self.frame) == .budgetExhausted)
        #expect(m.x(2) == 5)
        let bare = try TestMachine()
        bare.hart.privilege = .user
        bare.memory.store(UInt64(6), at: Self.frame)
        #expect(load(bare, Self.frame) == .budgetExhausted)
        #expect(bare.x(2) == 6)
    }

    @Test func sfenceVMAFlushesStaleTranslations() throws {
        let (m, t) = try machine(.supervisor)
        t.map(0x1000, to: Self.frame, flags: P.r | P.a)
        m.memory.store(UInt64(1), at: Self.frame)
        m.memory.store(UInt64(2), at: Self.frame + 0x1000)
        m.hart.setRegister(1, 0x1000)
        m.run([Encode.ld(2, 1, 0)])
        #expect(m.x(2) == 1)
        t.map(0x1000, to: Self.frame + 0x1000, flags: P.r | P.a)
        m.run([Encode.ld(2, 1, 0)])
        #expect(m.x(2) == 1, "the TLB still holds the old translation")
        m.run([Encode.sfenceVMA, Encode.ld(2, 1, 0)])
        #expect(m.x(2) == 2)
    }
}
