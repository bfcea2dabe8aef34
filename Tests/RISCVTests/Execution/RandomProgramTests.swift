import Testing
@testable import RISCV

/// Random programs of mixed 16- and 32-bit instructions, with branches (also into the middle of
/// instructions), loads and stores (some misaligned), instret reads and a page end, must stop in
/// the same state in the block-counting fast loop as in the precise loop, at every budget tried.
@Suite struct RandomProgramTests {
    static let start = TestMachine.ramBase + 0xf80
    static let data = TestMachine.ramBase + 0x3000

    /// Parcels of `count` random instructions and a final ecall. Registers x1...x7 are worked on,
    /// x8 points at the data and is never written.
    static func program(seed: UInt64, count: Int) -> [UInt16] {
        var g = XorshiftGenerator(state: seed)
        var parcels: [UInt16] = []
        func word(_ w: UInt32) { parcels += [UInt16(truncatingIfNeeded: w), UInt16(truncatingIfNeeded: w >> 16)] }
        func reg() -> Int { Int.random(in: 1...7, using: &g) }
        for _ in 0..<count {
            let small = Int64.random(in: -32...31, using: &g)
            switch Int.random(in: 0..<12, using: &g) {
            case 0: word(Encode.addi(reg(), reg(), small))
            case 1: word([Encode.add, Encode.sub, Encode.xor, Encode.addw, Encode.sll][Int.random(in: 0..<5, using: &g)](reg(), reg(), reg()))
            case 2: word(Encode.mulDiv(UInt32.random(in: 0..<8, using: &g), reg(), reg(), reg()))
            case 3: word(Encode.srli(reg(), reg(), Int64.random(in: 0...63, using: &g)))
            case 4: word(Encode.ld(reg(), 8, Int64.random(in: 0...60, using: &g)))
            case 5: word(Encode.sw(reg(), 8, Int64.random(in: 0...60, using: &g)))
            case 6: word([Encode.beq, Encode.bne, Encode.blt, Encode.bgeu][Int.random(in: 0..<4, using: &g)](reg(), reg(), small & ~1))
            case 7: word(Encode.csrrs(reg(), 0xC02, 0))
            case 8: parcels.append(UInt16(0x0001 | (UInt16(reg()) << 7) | UInt16(truncatingIfNeeded: small & 31) << 2 | UInt16(truncatingIfNeeded: (small >> 5) & 1) << 12))  // c.addi
            case 9: parcels.append(UInt16(0x4001 | (UInt16(reg()) << 7) | UInt16(truncatingIfNeeded: small & 31) << 2 | UInt16(truncatingIfNeeded: (small >> 5) & 1) << 12))  // c.li
            case 10: parcels.append(UInt16(0x8002 | (UInt16(reg()) << 7) | UInt16(reg()) << 2))  // c.mv
            default: parcels.append(UInt16(0x9002 | (UInt16(reg()) << 7) | UInt16(reg()) << 2))  // c.add
            }
        }
        word(Encode.ecall)
        return parcels
    }

    struct State: Equatable {
        var stop: StopReason
        var pc: UInt64
        var retired: UInt64
        var x: [UInt64]
        var data: [UInt64]
    }

    static func run(_ parcels: [UInt16], budget: UInt64, precise: Bool) throws -> State {
        let m = try TestMachine()
        m.placeParcels(parcels, at: start)
        if precise { m.hart.instructionTracer = { _, _ in } }
        m.hart.setRegister(8, data)
        m.hart.pc = start
        let stop = m.hart.run(maxInstructions: budget)
        return State(stop: stop, pc: m.hart.pc, retired: m.hart.instructionsRetired,
                     x: (0..<32).map { m.x($0) }, data: (0..<9).map { m.memory.load(UInt64.self, at: data + 8 * UInt64($0)) })
    }

    @Test(arguments: 1...24)
    func fastAndPreciseLoopsAgree(seed: UInt64) throws {
        let parcels = Self.program(seed: seed &* 0x9E37_79B9_7F4A_7C15, count: 80)
        for budget in Array(stride(from: UInt64(0), to: 300, by: 11)) + [1000] {
            let fast = try Self.run(parcels, budget: budget, precise: false)
            let precise = try Self.run(parcels, budget: budget, precise: true)
            #expect(fast == precise, "seed \(seed), budget \(budget)")
        }
    }
}
