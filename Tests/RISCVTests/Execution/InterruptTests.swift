import Testing
@testable import RISCV

/// Interrupts under architectural delivery: sources (CLINT msip and mtimecmp, software-written mip
/// bits, Sstc's stimecmp), enables, delegation, priority, vectored entry, wfi, and timing.
@Suite struct InterruptTests {
    static let base = TestMachine.ramBase
    static let handler = base + 0x800
    static let clint: UInt64 = 0x0200_0000

    /// A machine in M-mode with mtvec (and stvec) at `handler`, `program` at the RAM base and a
    /// nop sled after it, and `handler` holding an ecall-free loop of nops.
    func machine(_ program: [UInt32]) throws -> TestMachine {
        let m = try TestMachine(delivery: .architectural)
        m.hart.hasCLINT = true
        m.place(program + Array(repeating: Encode.nop, count: 200))
        m.place(Array(repeating: Encode.nop, count: 64), at: Self.handler)
        m.hart.writeCSR(CSRAddress.mtvec, Self.handler)
        m.hart.writeCSR(CSRAddress.stvec, Self.handler)
        m.hart.pc = Self.base
        return m
    }

    static let mie = UInt64(1) << 3, sie = UInt64(1) << 1

    @Test func softwareInterruptThroughTheCLINTIsTakenAfterTheStore() throws {
        let m = try machine(Encode.li(5, Self.clint) + [Encode.addi(6, 0, 1), Encode.sw(6, 5, 0), Encode.addi(7, 0, 9)])
        m.hart.writeCSR(CSRAddress.mie, Interrupt.machineSoftware)
        m.hart.writeCSR(CSRAddress.mstatus, Self.mie)
        let storeAt = Self.base + UInt64(4 * Encode.li(5, Self.clint).count + 4)
        _ = m.hart.run(maxInstructions: 20)
        #expect(m.hart.readCSR(CSRAddress.mcause) == UInt64(1) << 63 | 3)
        #expect(m.hart.readCSR(CSRAddress.mepc) == storeAt + 4, "taken before the instruction after the store")
        #expect(m.hart.readCSR(CSRAddress.mtval) == 0)
        #expect(m.x(7) == 0)
        #expect(m.hart.readCSR(CSRAddress.mstatus) & Self.mie == 0, "MIE cleared, MPIE set")
        #expect(m.hart.readCSR(CSRAddress.mstatus) & (1 << 7) != 0)
        #expect(m.hart.readCSR(CSRAddress.mip) & Interrupt.machineSoftware != 0)
    }

    @Test func timerInterruptComesAtItsDeadlineInEveryLoop() throws {
        for traced in [false, true] {
            let m = try machine([])
            m.hart.writeCSR(CSRAddress.mie, Interrupt.machineTimer)
            m.hart.writeCSR(CSRAddress.mstatus, Self.mie)
            m.hart.clint.timeCompare = 7
            if traced { m.hart.instructionTracer = { _, _ in } }
            _ = m.hart.run(maxInstructions: 100)
            #expect(m.hart.readCSR(CSRAddress.mcause) == UInt64(1) << 63 | 7)
            #expect(m.hart.readCSR(CSRAddress.mepc) == Self.base + 4 * 7 * Hart.instructionsPerTick,
                    "mtime reaches 7 after 70 instructions (traced: \(traced))")
            #expect(m.hart.instructionsRetired == 100)
        }
    }

    @Test func maskedInterruptsWaitForTheirEnables() throws {
        let m = try machine([Encode.nop, Encode.nop, Encode.csrrsi(0, CSRAddress.mstatus, 8), Encode.nop])
        m.hart.writeCSR(CSRAddress.mie, Interrupt.machineSoftware)
        m.hart.clint.softwareInterrupt = true
        _ = m.hart.run(maxInstructions: 2)
        #expect(m.hart.pc == Self.base + 8, "MIE = 0 in M-mode masks it")
        _ = m.hart.run(maxInstructions: 1)
        #expect(m.hart.pc == Self.handler)
        #expect(m.hart.readCSR(CSRAddress.mepc) == Self.base + 12, "taken right after the csrsi that set MIE")
        let quiet = try machine([Encode.csrrsi(0, CSRAddress.mstatus, 8), Encode.nop])
        quiet.hart.clint.softwareInterrupt = true
        _ = quiet.hart.run(maxInstructions: 2)
        #expect(quiet.hart.pc == Self.base + 8, "not enabled in mie")
    }

    @Test func machineInterruptsPreemptLowerPrivilegesWhateverMIE() throws {
        let m = try machine([Encode.nop])
        m.hart.writeCSR(CSRAddress.mie, Interrupt.machineSoftware)
        m.hart.clint.softwareInterrupt = true
        m.hart.privilege = .supervisor
        _ = m.hart.run(maxInstructions: 1)
        #expect(m.hart.privilege == .machine)
        #expect(m.hart.readCSR(CSRAddress.mepc) == Self.base)
        #expect((m.hart.readCSR(CSRAddress.mstatus) >> 11) & 3 == 1, "MPP = S")
    }

    @Test func delegatedInterruptsGoToSupervisorModeOnlyBelowM() throws {
        let m = try machine([Encode.nop])
        m.hart.writeCSR(CSRAddress.mideleg, Interrupt.supervisorSoftware)
        m.hart.writeCSR(CSRAddress.mie, Interrupt.supervisorSoftware)
        m.hart.writeCSR(CSRAddress.mip, Interrupt.supervisorSoftware)
        m.hart.writeCSR(CSRAddress.mstatus, Self.mie | Self.sie)
        _ = m.hart.run(maxInstructions: 1)
        #expect(m.hart.pc == Self.base + 4, "a delegated interrupt is never taken in M-mode")
        m.hart.privilege = .user
        _ = m.hart.run(maxInstructions: 1)
        #expect(m.hart.privilege == .supervisor)
        #expect(m.hart.readCSR(CSRAddress.scause) == UInt64(1) << 63 | 1)
        #expect(m.hart.readCSR(CSRAddress.sepc) == Self.base + 4)
        #expect(m.hart.readCSR(CSRAddress.mcause) == 0)
        let s = try machine([Encode.nop])
        s.hart.writeCSR(CSRAddress.mideleg, Interrupt.supervisorSoftware)
        s.hart.writeCSR(CSRAddress.mie, Interrupt.supervisorSoftware)
        s.hart.writeCSR(CSRAddress.mip, Interrupt.supervisorSoftware)
        s.hart.privilege = .supervisor
        _ = s.hart.run(maxInstructions: 1)
        #expect(s.hart.pc == Self.base + 4, "SIE = 0 masks it in S-mode")
    }

    @Test func priorityOrderAndVectoredEntry() throws {
        let m = try machine([Encode.nop])
        m.hart.writeCSR(CSRAddress.mtvec, Self.handler | 1)
        m.hart.writeCSR(CSRAddress.mie, InterruptBits.all)
        m.hart.writeCSR(CSRAddress.mip, Interrupt.supervisorSoftware | Interrupt.supervisorTimer)
        m.hart.clint.timeCompare = 0
        m.hart.clint.softwareInterrupt = true
        m.hart.writeCSR(CSRAddress.mstatus, Self.mie)
        _ = m.hart.run(maxInstructions: 0)
        #expect(m.hart.readCSR(CSRAddress.mcause) == UInt64(1) << 63 | 3, "MSI before MTI, SSI, STI")
        #expect(m.hart.pc == Self.handler + 4 * 3)
        #expect(Interrupt.highestPriority(Interrupt.machineTimer | Interrupt.supervisorExternal) == 7)
        #expect(Interrupt.highestPriority(Interrupt.supervisorSoftware | Interrupt.supervisorTimer | Interrupt.supervisorExternal) == 9)
        #expect(Interrupt.highestPriority(Interrupt.supervisorTimer | Interrupt.supervisorSoftware) == 1)
    }

    @Test func exceptionsIgnoreVectoredMode() throws {
        let m = try machine([Encode.ecall])
        m.hart.writeCSR(CSRAddress.mtvec, Self.handler | 1)
        _ = m.hart.run(maxInstructions: 1)
        #expect(m.hart.readCSR(CSRAddress.mcause) == 11)
        #expect(m.hart.pc == Self.handler + 4, "the ecall enters at the base, then one nop retires")
    }

    @Test func mipWritableBitsAndTimerView() throws {
        let m = try machine([])
        m.hart.writeCSR(CSRAddress.mip, UInt64.max)
        #expect(m.hart.readCSR(CSRAddress.mip) == InterruptBits.supervisor, "MSIP, MTIP, MEIP are read-only")
        m.hart.clint.timeCompare = 0
        #expect(m.hart.readCSR(CSRAddress.mip) & Interrupt.machineTimer != 0, "mtime 0 >= mtimecmp 0")
        m.hart.writeCSR(CSRAddress.mip, 0)
        #expect(m.hart.readCSR(CSRAddress.mip) == Interrupt.machineTimer)
        m.hart.writeCSR(CSRAddress.menvcfg, UInt64.max)
        #expect(m.hart.readCSR(CSRAddress.menvcfg) == EnvironmentConfig.stce | EnvironmentConfig.fiom)
        m.hart.writeCSR(CSRAddress.stimecmp, 1)
        m.hart.writeCSR(CSRAddress.mip, Interrupt.supervisorTimer)
        #expect(m.hart.readCSR(CSRAddress.mip) & Interrupt.supervisorTimer == 0, "STIP follows stimecmp under Sstc")
        m.hart.writeCSR(CSRAddress.stimecmp, 0)
        #expect(m.hart.readCSR(CSRAddress.mip) & Interrupt.supervisorTimer != 0)
        m.hart.writeCSR(CSRAddress.mideleg, Interrupt.supervisorTimer)
        #expect(m.hart.readCSR(CSRAddress.sip) == Interrupt.supervisorTimer)
    }

    @Test func supervisorTimerThroughStimecmp() throws {
        let m = try machine([])
        m.hart.writeCSR(CSRAddress.menvcfg, EnvironmentConfig.stce)
        m.hart.writeCSR(CSRAddress.mideleg, Interrupt.supervisorTimer)
        m.hart.writeCSR(CSRAddress.mie, Interrupt.supervisorTimer)
        m.hart.writeCSR(CSRAddress.stimecmp, 3)
        m.hart.privilege = .user
        _ = m.hart.run(maxInstructions: 50)
        #expect(m.hart.readCSR(CSRAddress.scause) == UInt64(1) << 63 | 5)
        #expect(m.hart.readCSR(CSRAddress.sepc) == Self.base + 4 * 30)
    }

    @Test func stimecmpNeedsSTCEAndTMInSupervisorMode() throws {
        let word = Encode.csrrs(1, CSRAddress.stimecmp, 0)
        for (stce, tm, legal) in [(false, true, false), (true, false, false), (true, true, true)] {
            let m = try machine([word])
            m.hart.writeCSR(CSRAddress.menvcfg, stce ? EnvironmentConfig.stce : 0)
            m.hart.writeCSR(CSRAddress.mcounteren, tm ? 2 : 0)
            m.hart.privilege = .supervisor
            _ = m.hart.run(maxInstructions: 1)
            #expect((m.hart.readCSR(CSRAddress.mcause) == 2) == !legal, "STCE \(stce) TM \(tm)")
        }
    }

    @Test func wfiSkipsToTheArmedTimerOrStopsWhenNothingCanWakeIt() throws {
        let m = try machine([Encode.wfi, Encode.addi(5, 0, 1)])
        m.hart.writeCSR(CSRAddress.mie, Interrupt.machineTimer)
        m.hart.clint.timeCompare = 1000
        _ = m.hart.run(maxInstructions: 2)
        #expect(m.x(5) == 1, "MIE = 0: the wfi returns and execution goes on")
        #expect(m.hart.readCSR(CSRAddress.mip) & Interrupt.machineTimer != 0)
        #expect(m.hart.machineTime == 1000)
        #expect(m.hart.instructionsRetired == 2)

        let idle = try machine([Encode.nop, Encode.wfi])
        #expect(idle.hart.run(maxInstructions: 10) == .budgetExhausted)
        #expect(idle.hart.waitsForever)
        #expect(idle.hart.pc == Self.base + 4)
        #expect(idle.hart.instructionsRetired == 1)

        let pending = try machine([Encode.wfi, Encode.nop])
        pending.hart.writeCSR(CSRAddress.mie, Interrupt.supervisorSoftware)
        pending.hart.writeCSR(CSRAddress.mip, Interrupt.supervisorSoftware)
        #expect(pending.hart.run(maxInstructions: 2) == .budgetExhausted)
        #expect(!pending.hart.waitsForever && pending.hart.pc == Self.base + 8)
    }

    @Test func clintRegistersReadBackAndRejectOddAccesses() throws {
        let setup = Encode.li(5, Self.clint + 0x4000) + Encode.li(11, Self.clint) + Encode.li(6, 0x1_2345_6789)
        let m = try machine(setup + [
            Encode.sd(6, 5, 0), Encode.ld(7, 5, 0), Encode.lw(8, 5, 4), Encode.sw(6, 11, 0), Encode.lw(9, 11, 0),
        ])
        _ = m.hart.run(maxInstructions: UInt64(setup.count + 5))
        #expect(m.x(7) == 0x1_2345_6789)
        #expect(m.x(8) == 1, "the high half of mtimecmp")
        #expect(m.x(9) == 1)
        #expect(m.hart.clint.softwareInterrupt)
        #expect(m.hart.clint.timeCompare == 0x1_2345_6789)
        let unaligned = try machine(Encode.li(5, Self.clint + 0x4002) + [Encode.lw(6, 5, 0)])
        _ = unaligned.hart.run(maxInstructions: 10)
        #expect(unaligned.hart.readCSR(CSRAddress.mcause) == 5)
        #expect(unaligned.hart.readCSR(CSRAddress.mtval) == Self.clint + 0x4002)
    }

    @Test func mtimeReadsAndWritesThroughTheCLINTAndTheTimeCSR() throws {
        let m = try machine(Encode.li(5, Self.clint + 0xBFF8) + [Encode.addi(6, 0, 100), Encode.sd(6, 5, 0),
                                                                Encode.ld(7, 5, 0), Encode.csrrs(8, CSRAddress.time, 0)])
        _ = m.hart.run(maxInstructions: UInt64(Encode.li(5, Self.clint + 0xBFF8).count + 4))
        #expect(m.x(7) == 100)
        #expect(m.x(8) == 100)
    }

    @Test func hostedDeliveryTakesNoInterrupts() throws {
        let m = try TestMachine()
        m.place([Encode.nop, Encode.wfi, Encode.nop])
        m.hart.writeCSR(CSRAddress.mie, InterruptBits.all)
        m.hart.writeCSR(CSRAddress.mip, InterruptBits.supervisor)
        m.hart.writeCSR(CSRAddress.mstatus, Self.mie)
        m.hart.clint.timeCompare = 0
        #expect(m.hart.run(maxInstructions: 3) == .budgetExhausted)
        #expect(m.hart.pc == Self.base + 12)
    }
}
