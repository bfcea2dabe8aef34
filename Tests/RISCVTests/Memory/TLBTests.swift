import Testing
@testable import RISCV

/// Cached translations must never outlive the state they were checked against.
@Suite struct TLBTests {
    typealias P = PageTableBuilder
    static let base = TestMachine.ramBase
    static let frame = base + 0x30_0000
    /// A U-mode view of the code gigapage.
    static let userAlias: UInt64 = 0xC000_0000

    func machine() throws -> (TestMachine, PageTableBuilder) {
        let m = try TestMachine()
        let t = PageTableBuilder(memory: m.memory)
        t.map(Self.base, to: Self.base, flags: P.r | P.w | P.x, level: 2)
        t.map(Self.userAlias, to: Self.base, flags: P.r | P.x | P.u, level: 2)
        t.map(0x1000, to: Self.frame, flags: P.r | P.w | P.u)
        t.map(0x2000, to: Self.frame + 0x1000, flags: P.r | P.w)
        m.hart.writeCSR(CSRAddress.satp, t.satp)
        return (m, t)
    }

    @Test func clearingSUMDropsUserTranslations() throws {
        let (m, _) = try machine()
        m.hart.privilege = .supervisor
        m.hart.writeCSR(CSRAddress.sstatus, MStatus.sum)
        m.hart.setRegister(1, 0x1000)
        #expect(m.run([Encode.ld(2, 1, 0), Encode.csrrci(0, CSRAddress.sstatus, 0), Encode.sd(2, 1, 0)])
                == .budgetExhausted)
        m.hart.setRegister(5, MStatus.sum)
        #expect(m.run([Encode.csrrc(0, CSRAddress.sstatus, 5), Encode.ld(2, 1, 0)])
                == .trap(Trap(.loadPageFault, value: 0x1000, pc: Self.base + 4)))
    }

    @Test func droppingToUserModeDropsSupervisorTranslations() throws {
        let (m, _) = try machine()
        m.hart.privilege = .supervisor
        m.hart.setRegister(1, 0x2000)
        m.hart.writeCSR(CSRAddress.sepc, Self.userAlias + 0x100)
        m.place([Encode.sd(1, 1, 0)], at: Self.base + 0x100)
        #expect(m.run([Encode.ld(2, 1, 0), Encode.sd(2, 1, 0), Encode.sret], budget: 4)
                == .trap(Trap(.storePageFault, value: 0x2000, pc: Self.userAlias + 0x100)))
        #expect(m.hart.privilege == .user)
    }

    @Test func satpWriteDropsTranslations() throws {
        let (m, _) = try machine()
        m.hart.privilege = .supervisor
        m.hart.setRegister(1, 0x2000)
        m.memory.store(UInt64(7), at: Self.frame + 0x1000)
        m.run([Encode.ld(2, 1, 0)])
        #expect(m.x(2) == 7)
        let other = PageTableBuilder(memory: m.memory, tablesAt: Self.base + 0x50_0000)
        other.map(Self.base, to: Self.base, flags: P.r | P.w | P.x, level: 2)
        other.map(0x2000, to: Self.frame + 0x2000, flags: P.r)
        m.memory.store(UInt64(8), at: Self.frame + 0x2000)
        m.hart.setRegister(3, other.satp)
        m.run([Encode.csrrw(0, CSRAddress.satp, 3), Encode.ld(2, 1, 0)])
        #expect(m.x(2) == 8)
    }

    @Test func tohostPageIsNeverCachedForWrites() throws {
        let m = try TestMachine()
        m.hart.tohostAddress = Self.base + 0x1000
        m.hart.setRegister(1, Self.base + 0x1000)
        m.hart.setRegister(2, 3)
        #expect(m.run([Encode.sd(2, 1, 8), Encode.sd(2, 1, 16), Encode.sd(2, 1, 0)], budget: 5) == .tohost(3))
        #expect(m.hart.tlb.write[TLB.index(Self.base + 0x1000)].tag == TLB.invalidTag)
    }
}
