import Testing
@testable import RISCV

/// Breakpoints stop before their instruction; watchpoints stop right after the matching access,
/// in the fast loop as in the precise one, with exact counts; other accesses stay on the fast path.
@Suite struct TriggerTests {
    static let base = TestMachine.ramBase
    static let data = TestMachine.ramBase + 0x2000

    /// x5 = data; a loop storing x1 to data+8 and loading data+16, x1 counting up to 4, then ecall.
    static let loop: [UInt32] = Encode.li(5, data) + [
        Encode.addi(1, 1, 1),     // loop:
        Encode.sd(1, 5, 8),
        Encode.ld(2, 5, 16),
        Encode.addi(3, 0, 4),
        Encode.blt(1, 3, -16),
        Encode.ecall,
    ]
    static var loopStart: UInt64 { base + UInt64(4 * (loop.count - 6)) }

    @Test func breakpointStopsBeforeItsInstructionEveryTime() throws {
        let m = try TestMachine()
        m.place(Self.loop)
        m.hart.breakpoints = [Self.loopStart + 4]
        for expected in 1...4 {
            #expect(m.hart.run(maxInstructions: 1000) == .trigger(.breakpoint(pc: Self.loopStart + 4)))
            #expect(m.x(1) == UInt64(expected))
            #expect(m.hart.pc == Self.loopStart + 4)
            m.hart.breakpoints = []
            #expect(m.hart.run(maxInstructions: 1) == .budgetExhausted)
            m.hart.breakpoints = [Self.loopStart + 4]
        }
        #expect(m.hart.run(maxInstructions: 1000) == .trap(Trap(.environmentCallFromM, pc: Self.loopStart + 20)))
    }

    @Test func writeWatchpointStopsAfterEachStoreWithExactCounts() throws {
        let m = try TestMachine()
        m.place(Self.loop)
        m.hart.watchpoints = [Watchpoint(address: Self.data + 12, length: 4, kind: .write)]
        let prologue = UInt64(Self.loop.count - 6)
        for round in 1...4 {
            let stop = m.hart.run(maxInstructions: 1000)
            #expect(stop == .trigger(.watchpoint(.write, address: Self.data + 12)))
            #expect(m.hart.pc == Self.loopStart + 8)
            #expect(m.memory.load(UInt64.self, at: Self.data + 8) == UInt64(round))
            #expect(m.hart.instructionsRetired == prologue + UInt64(5 * (round - 1) + 2))
        }
    }

    @Test func readAndAccessWatchpointsMatchTheirKindOnly() throws {
        let m = try TestMachine()
        m.place(Self.loop)
        m.hart.watchpoints = [Watchpoint(address: Self.data + 8, length: 8, kind: .read),
                              Watchpoint(address: Self.data + 16, length: 1, kind: .access)]
        // The store to data+8 does not match the read watchpoint; the load of data+16 matches the access one.
        #expect(m.hart.run(maxInstructions: 1000) == .trigger(.watchpoint(.access, address: Self.data + 16)))
        #expect(m.hart.pc == Self.loopStart + 12)
    }

    @Test func budgetEndsBeforeAWatchedAccessAsUsual() throws {
        let m = try TestMachine()
        m.place(Self.loop)
        m.hart.watchpoints = [Watchpoint(address: Self.data + 8, length: 8, kind: .write)]
        let prologue = UInt64(Self.loop.count - 6)
        #expect(m.hart.run(maxInstructions: prologue + 1) == .budgetExhausted)
        #expect(m.hart.run(maxInstructions: 1) == .trigger(.watchpoint(.write, address: Self.data + 8)))
        #expect(m.hart.instructionsRetired == prologue + 2)
    }

    @Test func atomicsMatchWatchpointsOnTheColdPath() throws {
        let m = try TestMachine()
        let amoaddD = Encode.amo(0b00000, 3, 6, 5, 1)    // amoadd.d x6, x1, (x5)
        m.place(Encode.li(5, Self.data) + [Encode.addi(1, 0, 3), amoaddD, Encode.addi(7, 0, 1)])
        m.memory.store(UInt64(10), at: Self.data)
        m.hart.watchpoints = [Watchpoint(address: Self.data, length: 8, kind: .write)]
        #expect(m.hart.run(maxInstructions: 100) == .trigger(.watchpoint(.write, address: Self.data)))
        #expect(m.x(6) == 10)
        #expect(m.memory.load(UInt64.self, at: Self.data) == 13)
        #expect(m.x(7) == 0)
    }

    @Test func clearedWatchpointsLeaveNothingBehind() throws {
        let m = try TestMachine()
        m.place(Self.loop)
        m.hart.watchpoints = [Watchpoint(address: Self.data + 8, length: 8, kind: .write)]
        m.hart.watchpoints = []
        #expect(m.hart.run(maxInstructions: 1000) == .trap(Trap(.environmentCallFromM, pc: Self.loopStart + 20)))
        #expect(m.x(1) == 4)
    }

    @Test func overlapSaturatesAtTheTopOfTheAddressSpace() {
        let top = Watchpoint(address: UInt64.max - 3, length: 100, kind: .access)
        #expect(top.overlaps(UInt64.max, size: 1))
        #expect(top.overlaps(UInt64.max - 10, size: 8))
        #expect(!top.overlaps(UInt64.max - 10, size: 7))
        #expect(!Watchpoint(address: 0x1000, length: 0, kind: .read).overlaps(0x1000, size: 8))
    }
}
