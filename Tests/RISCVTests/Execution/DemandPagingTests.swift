import Testing
@testable import RISCV

/// An S-mode kernel written in RISC-V takes delegated page faults from U-mode under Sv39,
/// maps a page from its handler and resumes the faulting instruction (architectural delivery).
@Suite struct DemandPagingTests {
    typealias P = PageTableBuilder
    static let base = TestMachine.ramBase
    static let tables = base + 0x40_0000
    static let leafTable = tables + 0x2000
    static let userCode = base + 0x10_0000
    static let frame = base + 0x20_0000
    static let handler = base + 0x800
    static let tohost = base + 0x1000

    /// The handler: on an ecall, report scause through tohost; on a page fault, count it in x27,
    /// map the faulting page to `frame` (U, R, W; A/D left to hardware), sfence.vma and sret.
    static var handlerCode: [UInt32] {
        let pte = (frame >> 12) << 10 | P.v | P.r | P.w | P.u
        return [Encode.csrrs(28, CSRAddress.scause, 0), Encode.addi(29, 0, 8), Encode.bne(28, 29, 12),
                Encode.sd(28, 26, 0), Encode.jal(0, 0),
                Encode.addi(27, 27, 1), Encode.csrrs(30, CSRAddress.stval, 0), Encode.srli(30, 30, 12),
                Encode.andi(30, 30, 0x1ff), Encode.slli(30, 30, 3)]
            + Encode.li(31, leafTable) + [Encode.add(31, 31, 30)] + Encode.li(29, pte)
            + [Encode.sd(29, 31, 0), Encode.sfenceVMA, Encode.sret]
    }

    @Test func userPageFaultIsServedBySupervisorHandler() throws {
        let m = try TestMachine(delivery: .architectural)
        let t = PageTableBuilder(memory: m.memory, tablesAt: Self.tables)
        t.map(Self.base, to: Self.base, flags: P.r | P.w | P.x, level: 2)
        t.map(0x1000, to: Self.userCode, flags: P.r | P.x | P.u)
        #expect(t.map(0x5000, to: 0, flags: 0) == Self.leafTable + 5 * 8)
        m.memory.store(UInt64(0), at: Self.leafTable + 5 * 8)
        m.place(Self.handlerCode, at: Self.handler)
        m.place(Encode.li(5, 0x5008) + [Encode.ld(6, 5, 0), Encode.addi(7, 6, 1), Encode.sd(7, 5, 8), Encode.ecall],
                at: Self.userCode)
        m.memory.store(UInt64(0x1234), at: Self.frame + 8)
        m.hart.tohostAddress = Self.tohost
        m.hart.setRegister(26, Self.tohost)
        m.hart.writeCSR(CSRAddress.stvec, Self.handler)
        m.hart.writeCSR(CSRAddress.medeleg, 1 << 8 | 1 << 13 | 1 << 15)
        m.hart.writeCSR(CSRAddress.satp, t.satp)
        m.hart.privilege = .user
        m.hart.pc = 0x1000

        #expect(m.hart.run(maxInstructions: 200) == .tohost(8))
        #expect(m.x(27) == 1, "one load page fault; the store found the page mapped")
        #expect(m.x(6) == 0x1234)
        #expect(m.memory.load(UInt64.self, at: Self.frame + 16) == 0x1235)
        let pte = m.memory.load(UInt64.self, at: Self.leafTable + 5 * 8)
        #expect(pte & (P.a | P.d) == P.a | P.d, "hardware set A on the load and D on the store")
        #expect(m.hart.privilege == .supervisor)
        #expect(m.hart.readCSR(CSRAddress.sepc) == 0x1000 + 4 * UInt64(Encode.li(5, 0x5008).count) + 12)
    }
}
