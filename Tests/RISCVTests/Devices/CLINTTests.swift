import Testing
@testable import RISCV

/// The CLINT's registers through guest loads and stores (bare machine: architectural delivery,
/// `hasCLINT`), and its absence on hosted harts.
@Suite struct CLINTTests {
    static let base = TestMachine.ramBase
    static let clint: UInt64 = 0x0200_0000

    func machine(_ program: [UInt32]) throws -> TestMachine {
        let m = try TestMachine(delivery: .architectural)
        m.hart.hasCLINT = true
        m.place(program + [Encode.nop])
        m.place(Array(repeating: Encode.nop, count: 16), at: Self.base + 0x800)
        m.hart.writeCSR(CSRAddress.mtvec, Self.base + 0x800)
        m.hart.pc = Self.base
        return m
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

    @Test func registerMapAndWidths() {
        #expect(CoreLocalInterruptor.register(at: 0, size: 4)! == (0, 0))
        #expect(CoreLocalInterruptor.register(at: 0, size: 8) == nil, "msip is 4 bytes")
        #expect(CoreLocalInterruptor.register(at: 0x4004, size: 4)! == (0x4000, 32))
        #expect(CoreLocalInterruptor.register(at: 0xBFF8, size: 8)! == (0xBFF8, 0))
        #expect(CoreLocalInterruptor.register(at: 0x4000, size: 2) == nil)
        #expect(CoreLocalInterruptor.register(at: 0x8000, size: 4) == nil)
        #expect(CoreLocalInterruptor.contains(Self.clint + 0xffff) && !CoreLocalInterruptor.contains(Self.clint + 0x1_0000))
    }

    @Test func hostedHartsHaveNoCLINT() throws {
        let m = try TestMachine()
        let program = Encode.li(5, Self.clint) + [Encode.lw(6, 5, 0)]
        #expect(m.run(program) == .trap(Trap(.loadAccessFault, value: Self.clint, pc: Self.base + UInt64(4 * (program.count - 1)))))
    }
}
