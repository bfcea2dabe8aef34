import Testing
@testable import RISCV

@Suite struct ZicsrTests {
    let pc = TestMachine.ramBase

    @Test func readWriteSetClearAndImmediateForms() throws {
        let m = try TestMachine()
        m.hart.setRegister(1, 0xf0)
        m.hart.setRegister(2, 0x30)
        m.run([
            Encode.csrrw(3, CSRAddress.mscratch, 1), Encode.csrrs(4, CSRAddress.mscratch, 2),
            Encode.csrrc(5, CSRAddress.mscratch, 1), Encode.csrrwi(6, CSRAddress.mscratch, 31),
            Encode.csrrsi(7, CSRAddress.mscratch, 0), Encode.csrrci(8, CSRAddress.mscratch, 1),
            Encode.csrrs(9, CSRAddress.mscratch, 0),
        ])
        #expect(m.x(3) == 0)
        #expect(m.x(4) == 0xf0)
        #expect(m.x(5) == 0xf0)
        #expect(m.x(6) == 0)
        #expect(m.x(7) == 31)
        #expect(m.x(8) == 31)
        #expect(m.x(9) == 30)
    }

    @Test func readOnlyCSRsRejectWritesButAllowReads() throws {
        let m = try TestMachine()
        let write = Encode.csrrw(1, CSRAddress.mhartid, 2)
        #expect(m.run([write]) == .trap(Trap(.illegalInstruction, value: UInt64(write), pc: pc)))
        let m2 = try TestMachine()
        m2.run([Encode.csrrs(1, CSRAddress.misa, 0), Encode.csrrsi(2, CSRAddress.mhartid, 0), Encode.csrrc(3, CSRAddress.misa, 0)])
        #expect(m2.x(1) == ControlStatusRegisters.misaValue)
        #expect(m2.x(3) == ControlStatusRegisters.misaValue)
        let setWithValue = Encode.csrrsi(2, CSRAddress.cycle, 1)
        #expect(try TestMachine().run([setWithValue]) == .trap(Trap(.illegalInstruction, value: UInt64(setWithValue), pc: pc)))
    }

    @Test func unimplementedCSRIsIllegal() throws {
        let word = Encode.csrrs(1, 0x7c0, 0)
        #expect(try TestMachine().run([word]) == .trap(Trap(.illegalInstruction, value: UInt64(word), pc: pc)))
        let oddPMP = Encode.csrrs(1, 0x3A1, 0)
        #expect(try TestMachine().run([oddPMP]) == .trap(Trap(.illegalInstruction, value: UInt64(oddPMP), pc: pc)))
    }

    @Test func privilegeChecks() throws {
        for (mode, csr, legal) in [(PrivilegeMode.user, CSRAddress.mstatus, false), (.user, CSRAddress.sstatus, false),
                                   (.supervisor, CSRAddress.sstatus, true), (.supervisor, CSRAddress.mstatus, false),
                                   (.supervisor, CSRAddress.satp, true), (.machine, CSRAddress.sstatus, true)] {
            let m = try TestMachine()
            m.hart.privilege = mode
            let word = Encode.csrrs(1, csr, 0)
            let expected: StopReason = legal ? .budgetExhausted : .trap(Trap(.illegalInstruction, value: UInt64(word), pc: pc))
            #expect(m.run([word]) == expected, "\(mode) reading \(csr)")
        }
    }

    @Test func countersRespectCounterEnables() throws {
        let word = Encode.csrrs(1, CSRAddress.cycle, 0)
        let illegal = StopReason.trap(Trap(.illegalInstruction, value: UInt64(word), pc: pc))
        for (mode, mcounteren, scounteren, expected) in [
            (PrivilegeMode.user, UInt64(0), UInt64(7), illegal), (.user, 7, 0, illegal), (.user, 7, 7, .budgetExhausted),
            (.supervisor, 0, 7, illegal), (.supervisor, 1, 0, .budgetExhausted), (.machine, 0, 0, .budgetExhausted),
        ] {
            let m = try TestMachine()
            m.hart.writeCSR(CSRAddress.mcounteren, mcounteren)
            m.hart.writeCSR(CSRAddress.scounteren, scounteren)
            m.hart.privilege = mode
            #expect(m.run([word]) == expected)
        }
    }

    @Test func instretCountsRetiredInstructions() throws {
        let m = try TestMachine()
        m.run([Encode.nop, Encode.nop, Encode.csrrs(1, CSRAddress.instret, 0), Encode.csrrs(2, CSRAddress.minstret, 0)])
        #expect(m.x(1) == 2)
        #expect(m.x(2) == 3)
        #expect(m.hart.readCSR(CSRAddress.instret) == 4)
    }

    @Test func counterWritesTakePrecedenceOverTheWritersIncrement() throws {
        for (write, read) in [(CSRAddress.minstret, CSRAddress.minstret), (CSRAddress.minstret, CSRAddress.instret),
                              (CSRAddress.mcycle, CSRAddress.mcycle), (CSRAddress.mcycle, CSRAddress.cycle)] {
            let m = try TestMachine()
            m.hart.setRegister(5, 100)
            m.run([Encode.nop, Encode.csrrw(0, write, 5), Encode.csrrs(1, read, 0), Encode.nop, Encode.csrrs(2, read, 0)])
            #expect(m.x(1) == 100, "csrw \(write); csrr \(read)")
            #expect(m.x(2) == 102)
            #expect(m.hart.instructionsRetired == 5, "guest counter writes leave the retired count alone")
        }
    }

    @Test func counterSetAndClearAlsoTakePrecedence() throws {
        let m = try TestMachine()
        m.hart.setRegister(5, 0xff)
        m.run([Encode.csrrw(0, CSRAddress.minstret, 5), Encode.csrrc(0, CSRAddress.minstret, 5), Encode.csrrs(1, CSRAddress.minstret, 0)])
        #expect(m.x(1) == 0)
    }

    @Test func mcountinhibitStopsAndRestartsCounters() throws {
        let m = try TestMachine()
        m.run([
            Encode.csrrwi(0, CSRAddress.mcountinhibit, 5), Encode.csrrs(1, CSRAddress.minstret, 0),
            Encode.nop, Encode.csrrs(2, CSRAddress.minstret, 0), Encode.csrrs(3, CSRAddress.mcycle, 0),
            Encode.csrrs(4, CSRAddress.mcountinhibit, 0),
            Encode.csrrwi(0, CSRAddress.minstret, 9), Encode.csrrs(5, CSRAddress.minstret, 0),
            Encode.csrrwi(0, CSRAddress.mcountinhibit, 0), Encode.csrrs(6, CSRAddress.minstret, 0),
        ])
        #expect(m.x(1) == 0, "setting IR stops the count before the writer's own increment")
        #expect(m.x(2) == 0)
        #expect(m.x(3) == 0)
        #expect(m.x(4) == 5)
        #expect(m.x(5) == 9)
        #expect(m.x(6) == 10, "clearing IR counts the writer")
        m.hart.writeCSR(CSRAddress.mcountinhibit, UInt64.max)
        #expect(m.hart.readCSR(CSRAddress.mcountinhibit) == 5, "only CY and IR can be inhibited")
    }

    @Test func guestCounterWritesCannotUnderflowTheBudget() throws {
        let m = try TestMachine()
        m.hart.setRegister(5, UInt64.max)
        m.run([Encode.nop, Encode.nop, Encode.csrrw(0, CSRAddress.minstret, 0), Encode.csrrw(0, CSRAddress.mcycle, 5)])
        #expect(m.hart.instructionsRetired == 4)
        #expect(m.hart.readCSR(CSRAddress.minstret) == 1)
        #expect(m.hart.readCSR(CSRAddress.mcycle) == UInt64.max)
    }

    /// The "no triggers" answer that riscv-tests' rv64mi-p-breakpoint accepts: tselect reads back
    /// the 0 it was written and nothing else, tdata1 reads type 0 whatever was written.
    @Test func triggerCSRsReportNoTriggers() throws {
        let m = try TestMachine()
        m.hart.setRegister(5, 2 << 60 | 1 << 6 | 1 << 2)
        m.hart.setRegister(6, 1)
        m.run([
            Encode.csrrw(0, CSRAddress.tselect, 0), Encode.csrrs(1, CSRAddress.tselect, 0),
            Encode.csrrw(0, CSRAddress.tdata2, 5), Encode.csrrw(0, CSRAddress.tdata1, 5),
            Encode.csrrs(2, CSRAddress.tdata1, 0), Encode.csrrw(0, CSRAddress.tselect, 6),
            Encode.csrrs(3, CSRAddress.tselect, 0), Encode.csrrs(4, CSRAddress.tinfo, 0),
            Encode.csrrs(7, CSRAddress.tdata2, 0), Encode.csrrs(8, CSRAddress.tdata3, 0),
        ])
        #expect(m.hart.pc == TestMachine.ramBase + 40, "no trigger CSR access traps")
        #expect(m.x(1) == 0)
        #expect(m.x(2) == 0)
        #expect(m.x(3) == 0)
        #expect(m.x(4) == 1)
        #expect(m.x(7) == 0 && m.x(8) == 0)
        m.hart.privilege = .supervisor
        let word = Encode.csrrs(1, CSRAddress.tselect, 0)
        #expect(m.run([word]) == .trap(Trap(.illegalInstruction, value: UInt64(word), pc: pc)), "M-mode only")
    }

    @Test func floatingPointCSRsNeedFSAndDirtyIt() throws {
        let word = Encode.csrrwi(1, CSRAddress.fflags, 0x1f)
        #expect(try TestMachine().run([word]) == .trap(Trap(.illegalInstruction, value: UInt64(word), pc: pc)))
        let m = try TestMachine()
        m.hart.writeCSR(CSRAddress.mstatus, 1 << 13)
        m.run([word, Encode.csrrwi(2, CSRAddress.frm, 5), Encode.csrrs(3, CSRAddress.fcsr, 0)])
        #expect(m.x(3) == 5 << 5 | 0x1f)
        let status = m.hart.readCSR(CSRAddress.mstatus)
        #expect(status & MStatus.fs == MStatus.fs)
        #expect(status & MStatus.sd != 0)
    }

    @Test func warlRules() throws {
        let m = try TestMachine()
        let h = m.hart
        #expect(h.readCSR(CSRAddress.misa) == UInt64(1) << 63 | 1 << 0 | 1 << 1 | 1 << 2 | 1 << 3 | 1 << 5 | 1 << 8 | 1 << 12 | 1 << 18 | 1 << 20)
        h.writeCSR(CSRAddress.misa, 0)
        #expect(h.readCSR(CSRAddress.misa) == ControlStatusRegisters.misaValue)
        #expect(h.readCSR(CSRAddress.mstatus) == 2 << 32 | 2 << 34)
        #expect(h.readCSR(CSRAddress.sstatus) == 2 << 32)
        h.writeCSR(CSRAddress.mstatus, 3 << 11)
        h.writeCSR(CSRAddress.mstatus, 2 << 11)
        #expect(h.readCSR(CSRAddress.mstatus) & MStatus.mpp == 3 << 11, "MPP ignores the reserved value 2")
        h.writeCSR(CSRAddress.mepc, 0x8000_0003)
        #expect(h.readCSR(CSRAddress.mepc) == 0x8000_0002)
        h.writeCSR(CSRAddress.mtvec, 0x8000_0101)
        #expect(h.readCSR(CSRAddress.mtvec) == 0x8000_0101)
        h.writeCSR(CSRAddress.mtvec, 0x8000_0202)
        #expect(h.readCSR(CSRAddress.mtvec) == 0x8000_0201, "reserved mode 2 keeps the old mode")
        h.writeCSR(CSRAddress.medeleg, UInt64.max)
        #expect(h.readCSR(CSRAddress.medeleg) == 0xB3FF, "ecall from M cannot be delegated")
        h.writeCSR(CSRAddress.mideleg, UInt64.max)
        h.writeCSR(CSRAddress.mie, UInt64.max)
        #expect(h.readCSR(CSRAddress.mie) == 0xAAA)
        #expect(h.readCSR(CSRAddress.sie) == 0x222)
        h.writeCSR(CSRAddress.sie, 0)
        #expect(h.readCSR(CSRAddress.mie) == 0x888)
        h.writeCSR(CSRAddress.sip, UInt64.max)
        #expect(h.readCSR(CSRAddress.mip) == 0x2, "only SSIP is writable through sip")
        h.writeCSR(CSRAddress.satp, 9 << 60 | 0x1234)
        #expect(h.readCSR(CSRAddress.satp) == 0, "an unsupported mode leaves satp unchanged")
        h.writeCSR(CSRAddress.satp, 8 << 60 | 0x1234)
        #expect(h.readCSR(CSRAddress.satp) == UInt64(8) << 60 | 0x1234)
        h.writeCSR(0x3A2, 0x1f)
        h.writeCSR(0x3B5, UInt64.max)
        #expect(h.readCSR(0x3A2) == 0x1f)
        #expect(h.readCSR(0x3B5) == (1 << 54) - 1)
        h.writeCSR(CSRAddress.mcycle, 1000)
        #expect(h.readCSR(CSRAddress.cycle) == 1000)
        #expect(h.readCSR(CSRAddress.mhartid) == 0)
    }
}
