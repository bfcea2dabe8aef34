import Testing
@testable import RISCV

@Suite struct TrapDeliveryTests {
    static let base = TestMachine.ramBase
    static let handler = base + 0x800
    static let supervisorHandler = base + 0xc00
    static let user = base + 0x400

    @Test func hostedEcallLeavesStateBeforeTheInstruction() throws {
        let m = try TestMachine()
        m.hart.privilege = .user
        let stop = m.run([Encode.addi(1, 0, 1), Encode.ecall, Encode.addi(2, 0, 2)], budget: 10)
        #expect(stop == .trap(Trap(.environmentCallFromU, pc: Self.base + 4)))
        #expect(m.hart.pc == Self.base + 4)
        #expect(m.hart.instructionsRetired == 1)
        #expect(m.hart.privilege == .user)
        #expect(m.x(2) == 0)
    }

    @Test func machineEcallGoesToMtvec() throws {
        let m = try TestMachine(delivery: .architectural)
        m.hart.writeCSR(CSRAddress.mtvec, Self.handler | 1)
        m.hart.writeCSR(CSRAddress.mstatus, MStatus.mie)
        m.hart.writeCSR(CSRAddress.medeleg, UInt64.max)
        m.place([Encode.addi(5, 0, 5)], at: Self.handler)
        #expect(m.run([Encode.ecall], budget: 1) == .budgetExhausted)
        #expect(m.x(5) == 5, "vectored mode still sends exceptions to the base")
        #expect(m.hart.readCSR(CSRAddress.mcause) == 11, "traps from M never delegate")
        #expect(m.hart.readCSR(CSRAddress.mepc) == Self.base)
        #expect(m.hart.readCSR(CSRAddress.mtval) == 0)
        let status = m.hart.readCSR(CSRAddress.mstatus)
        #expect(status & MStatus.mpp == 3 << 11)
        #expect(status & MStatus.mpie != 0)
        #expect(status & MStatus.mie == 0)
    }

    /// M-mode code drops to U-mode with mret; U-mode does ecall; the handler records mcause.
    @Test func userEcallTrapsToMachineAndMretReturns() throws {
        let m = try TestMachine(delivery: .architectural)
        m.hart.writeCSR(CSRAddress.mtvec, Self.handler)
        m.hart.writeCSR(CSRAddress.mepc, Self.user)
        m.place([Encode.addi(6, 0, 6), Encode.ecall, Encode.addi(7, 0, 7)], at: Self.user)
        m.place([Encode.csrrs(8, CSRAddress.mcause, 0), Encode.csrrs(9, CSRAddress.mepc, 0), Encode.addi(9, 9, 4),
                 Encode.csrrw(0, CSRAddress.mepc, 9), Encode.mret], at: Self.handler)
        #expect(m.run([Encode.mret], budget: 8) == .budgetExhausted)
        #expect(m.x(6) == 6)
        #expect(m.x(8) == 8)
        #expect(m.x(7) == 7)
        #expect(m.hart.privilege == .user)
        #expect(m.hart.pc == Self.user + 12)
    }

    @Test func delegatedUserEcallGoesToSupervisorAndSretReturns() throws {
        let m = try TestMachine(delivery: .architectural)
        m.hart.writeCSR(CSRAddress.mtvec, Self.handler)
        m.hart.writeCSR(CSRAddress.stvec, Self.supervisorHandler)
        m.hart.writeCSR(CSRAddress.medeleg, 1 << 8)
        m.hart.writeCSR(CSRAddress.mstatus, MStatus.sie)
        m.hart.privilege = .user
        m.place([Encode.ecall, Encode.addi(7, 0, 7)], at: Self.base)
        m.place([Encode.csrrs(8, CSRAddress.scause, 0), Encode.csrrs(10, CSRAddress.sstatus, 0),
                 Encode.csrrs(9, CSRAddress.sepc, 0), Encode.addi(9, 9, 4), Encode.csrrw(0, CSRAddress.sepc, 9),
                 Encode.sret], at: Self.supervisorHandler)
        m.hart.pc = Self.base
        #expect(m.hart.run(maxInstructions: 7) == .budgetExhausted)
        #expect(m.x(8) == 8)
        #expect(m.x(10) & MStatus.spp == 0, "SPP records U")
        #expect(m.x(10) & MStatus.spie != 0, "SPIE records SIE")
        #expect(m.x(10) & MStatus.sie == 0)
        #expect(m.x(7) == 7)
        #expect(m.hart.privilege == .user)
        #expect(m.hart.readCSR(CSRAddress.mcause) == 0, "M-mode saw nothing")
        #expect(m.hart.readCSR(CSRAddress.mstatus) & MStatus.sie != 0, "sret restored SIE")
    }

    @Test func undelegatedSupervisorFaultGoesToMachine() throws {
        let m = try TestMachine(delivery: .architectural)
        m.hart.writeCSR(CSRAddress.mtvec, Self.handler)
        m.hart.writeCSR(CSRAddress.medeleg, 1 << 8)
        m.hart.privilege = .supervisor
        m.place([Encode.nop], at: Self.handler)
        m.hart.setRegister(1, 0x10)
        m.run([Encode.ld(2, 1, 0)], budget: 1)
        #expect(m.hart.privilege == .machine)
        #expect(m.hart.readCSR(CSRAddress.mcause) == 5)
        #expect(m.hart.readCSR(CSRAddress.mtval) == 0x10)
        #expect(m.hart.readCSR(CSRAddress.mstatus) & MStatus.mpp == 1 << 11)
    }

    @Test func ebreakReportsItsPc() throws {
        let m = try TestMachine()
        #expect(m.run([Encode.nop, Encode.ebreak]) == .trap(Trap(.breakpoint, value: Self.base + 4, pc: Self.base + 4)))
    }

    @Test func xretAndWfiArePrivileged() throws {
        for (mode, word, legal) in [(PrivilegeMode.supervisor, Encode.mret, false), (.user, Encode.sret, false),
                                    (.user, Encode.wfi, false), (.user, Encode.sfenceVMA, false),
                                    (.supervisor, Encode.wfi, true), (.supervisor, Encode.sfenceVMA, true),
                                    (.machine, Encode.wfi, true)] {
            let m = try TestMachine()
            m.hart.privilege = mode
            let expected: StopReason = legal ? .budgetExhausted : .trap(Trap(.illegalInstruction, value: UInt64(word), pc: Self.base))
            #expect(m.run([word]) == expected)
            if legal { #expect(m.hart.pc == Self.base + 4) }
        }
    }

    /// mstatus.TSR, TW and TVM make sret, wfi, and sfence.vma and satp illegal in S-mode (not in M).
    @Test func trapBitsOfMstatusRestrictSupervisorMode() throws {
        let satp = Encode.csrrs(1, CSRAddress.satp, 0)
        for (bit, word) in [(MStatus.tsr, Encode.sret), (MStatus.tw, Encode.wfi), (MStatus.tvm, Encode.sfenceVMA), (MStatus.tvm, satp)] {
            for mode in [PrivilegeMode.supervisor, .machine] {
                let m = try TestMachine()
                m.hart.writeCSR(CSRAddress.mstatus, bit)
                #expect(m.hart.readCSR(CSRAddress.mstatus) & bit == bit)
                m.hart.privilege = mode
                let illegal = StopReason.trap(Trap(.illegalInstruction, value: UInt64(word), pc: Self.base))
                #expect((m.run([word]) == illegal) == (mode == .supervisor), "0x\(String(word, radix: 16)) in \(mode)")
            }
        }
    }

    @Test func mretRestoresInterruptEnableAndClearsMPRV() throws {
        let m = try TestMachine()
        m.hart.writeCSR(CSRAddress.mstatus, MStatus.mpie | MStatus.mprv | 1 << 11)
        m.hart.writeCSR(CSRAddress.mepc, Self.user)
        m.run([Encode.mret])
        let status = m.hart.readCSR(CSRAddress.mstatus)
        #expect(m.hart.privilege == .supervisor)
        #expect(m.hart.pc == Self.user)
        #expect(status & MStatus.mie != 0)
        #expect(status & MStatus.mpie != 0)
        #expect(status & MStatus.mpp == 0)
        #expect(status & MStatus.mprv == 0)
    }

    @Test func trapStormEndsTheRun() throws {
        let m = try TestMachine(delivery: .architectural)
        m.hart.writeCSR(CSRAddress.mtvec, 0x1000)
        m.hart.pc = 0x1000
        #expect(m.hart.run(maxInstructions: 50) == .budgetExhausted)
        #expect(m.hart.readCSR(CSRAddress.mcause) == 1)
        #expect(m.hart.instructionsRetired == 0)
    }
}
