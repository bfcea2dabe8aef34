import Testing
@testable import RISCV

/// The fast loop charges whole blocks at a time (`DecodedInstruction.blockLength`); these tests hold
/// it to the per-instruction loop: for every budget, the state it stops in must be the state the
/// precise loop (with a tracer) and single-stepping stop in, and the counts must be exact.
@Suite struct BlockCountingTests {
    static let base = TestMachine.ramBase

    /// One instruction of a test program: a 32-bit word or a 16-bit compressed parcel.
    enum Piece {
        case word(UInt32)
        case parcel(UInt16)
        var size: UInt64 { if case .word = self { 4 } else { 2 } }
    }

    static let cNop = Piece.parcel(0x0001)

    /// A loop of four iterations whose straight line runs over the end of a page, with a forward
    /// branch into the middle of a block (taken first, so that the block decoded later runs into
    /// the one decoded first), a load and store, an instret read in the
    /// middle of a block, and mixed 16- and 32-bit instructions. `padding` pieces go before the
    /// page end (`overhang` bytes of them after it), so that the line crosses it after a 2-byte or
    /// a 4-byte instruction or through a 32-bit instruction that straddles it. Ends with ecall.
    static func loopOverPageEnd(padding: [Piece], overhang: UInt64) -> (start: UInt64, pieces: [Piece]) {
        var body: [Piece] = [
            .word(Encode.addi(5, 0, 4)),
            .word(Encode.auipc(8, 2)),                 // x8: data, two pages on
            .parcel(0x4501),                           // c.li a0, 0
            // loop:
            .parcel(0x0505),                           // c.addi a0, 1
            .word(Encode.andi(12, 5, 1)),
            .word(Encode.beq(12, 0, 8)),               // to mid when x5 is even
            .word(Encode.addi(6, 6, 7)),
            // mid:
            .parcel(0x0305),                           // c.addi t1, 1
            .word(Encode.sd(6, 8, 0)),
            .word(Encode.ld(13, 8, 0)),
            .word(Encode.csrrs(9, 0xC02, 0)),          // instret
            .word(Encode.add(11, 11, 9)),
        ]
        body += padding
        let loopStart = 3
        let tail: [Piece] = [.word(Encode.addi(14, 14, 1)), .parcel(0x0001), .word(Encode.addi(5, 5, -1))]
        body += tail
        let beforeBranch = body.reduce(0) { $0 + $1.size }
        let loopOffset = body[..<loopStart].reduce(0) { $0 + $1.size }
        body.append(.word(Encode.bne(5, 0, Int64(loopOffset) - Int64(beforeBranch))))
        body.append(.word(Encode.ecall))
        let beforePadding = body[..<12].reduce(0) { $0 + $1.size }
        let paddingSize = padding.reduce(0) { $0 + $1.size }
        let start = base + 0x1000 + overhang - beforePadding - paddingSize
        return (start, body)
    }

    static func place(_ program: (start: UInt64, pieces: [Piece]), in m: TestMachine) {
        var address = program.start
        for piece in program.pieces {
            switch piece {
            case .word(let w):
                m.memory.store(UInt16(truncatingIfNeeded: w), at: address)
                m.memory.store(UInt16(truncatingIfNeeded: w >> 16), at: address + 2)
            case .parcel(let p): m.memory.store(p, at: address)
            }
            address += piece.size
        }
        m.hart.invalidateDecodedCode()
        m.hart.pc = program.start
    }

    struct State: Equatable {
        var pc: UInt64
        var retired: UInt64
        var registers: [UInt64]
        var stop: StopReason
    }

    static func state(_ m: TestMachine, _ stop: StopReason) -> State {
        State(pc: m.hart.pc, retired: m.hart.instructionsRetired, registers: (0..<32).map { m.x($0) }, stop: stop)
    }

    /// Runs `program` with `budget` in one `run` call, traced (the precise loop) or not.
    static func run(_ program: (start: UInt64, pieces: [Piece]), budget: UInt64, traced: Bool) throws -> State {
        let m = try TestMachine()
        place(program, in: m)
        if traced { m.hart.instructionTracer = { _, _ in } }
        return state(m, m.hart.run(maxInstructions: budget))
    }

    /// Runs `program` one instruction per `run` call until `budget` or a stop other than the budget.
    static func step(_ program: (start: UInt64, pieces: [Piece]), budget: UInt64) throws -> State {
        let m = try TestMachine()
        place(program, in: m)
        var stop = StopReason.budgetExhausted
        for _ in 0..<budget {
            stop = m.hart.run(maxInstructions: 1)
            if stop != .budgetExhausted { break }
        }
        return state(m, stop)
    }

    static let crossings: [(name: String, padding: [Piece], overhang: UInt64)] = [
        ("after a 2-byte instruction", [cNop, cNop, cNop], 0),
        ("after a 4-byte instruction", [cNop, .word(Encode.nop)], 0),
        ("through a straddler", [cNop, .word(Encode.nop), .word(Encode.addi(15, 15, 2))], 2),
    ]

    @Test(arguments: 0..<3)
    func everyBudgetStopsWhereThePreciseLoopStops(crossing: Int) throws {
        let (name, padding, overhang) = Self.crossings[crossing]
        let program = Self.loopOverPageEnd(padding: padding, overhang: overhang)
        let complete = try Self.run(program, budget: 1000, traced: true)
        #expect(complete.stop == .trap(Trap(.environmentCallFromM, pc: complete.pc)), "\(name)")
        #expect(complete.registers[6] == 18 && complete.registers[13] == 18, "\(name)")
        #expect(complete.registers[10] == 4 && complete.registers[14] == 4, "\(name)")
        #expect(complete.registers[15] == (crossing == 2 ? 8 : 0), "\(name)")
        for budget in 0...complete.retired + 1 {
            let fast = try Self.run(program, budget: budget, traced: false)
            let precise = try Self.run(program, budget: budget, traced: true)
            #expect(fast == precise, "\(name), budget \(budget)")
            if budget % 7 == 0 { #expect(try Self.step(program, budget: budget) == precise, "\(name), budget \(budget)") }
        }
    }

    @Test func instretReadInTheMiddleOfABlockCountsOnlyWhatRetired() throws {
        let m = try TestMachine()
        m.place([Encode.addi(1, 0, 1), Encode.addi(1, 1, 1), Encode.csrrs(2, 0xC02, 0),
                 Encode.addi(1, 1, 1), Encode.csrrs(3, 0xC02, 0), Encode.ecall])
        #expect(m.hart.run(maxInstructions: 100) == .trap(Trap(.environmentCallFromM, pc: Self.base + 20)))
        #expect(m.x(2) == 2)
        #expect(m.x(3) == 4)
        #expect(m.hart.instructionsRetired == 5)
    }

    @Test func aFaultInTheMiddleOfABlockGivesBackTheRestOfIt() throws {
        let m = try TestMachine()
        m.place([Encode.addi(1, 0, 1), Encode.addi(1, 1, 1),
                 Encode.ld(2, 0, 0x100),                  // below RAM: access fault
                 Encode.addi(1, 1, 1), Encode.addi(1, 1, 1)])
        #expect(m.hart.run(maxInstructions: 100) == .trap(Trap(.loadAccessFault, value: 0x100, pc: Self.base + 8)))
        #expect(m.hart.instructionsRetired == 2)
        #expect(m.x(1) == 2)
        #expect(m.hart.pc == Self.base + 8)
    }

    @Test func blockLengthsRunToTheBranchOrThePageEnd() throws {
        let m = try TestMachine()
        m.place([Encode.nop, Encode.nop], at: Self.base + 0xff8)
        m.run([Encode.addi(1, 0, 1), Encode.addi(1, 1, 1), Encode.beq(0, 0, 8), Encode.nop, Encode.ecall], budget: 100)
        m.hart.pc = Self.base + 0xff8
        #expect(m.hart.run(maxInstructions: 2) == .budgetExhausted)
        let slots = m.hart.codeCache.slots(pageIndex: 0)
        #expect([0, 2, 4, 8].map { slots[$0].blockLength } == [3, 2, 1, 1])
        #expect(slots[6].op == .undecoded, "the taken branch skips it")
        #expect(slots[10].op == .undecoded, "decoding stops at the ecall")
        #expect(slots[0x7fc].blockLength == 2 && slots[0x7fe].blockLength == 1)
        #expect(slots[2048].op == .pageEnd)
    }

    @Test func anExhaustedBudgetFetchesNothing() throws {
        let m = try TestMachine()
        m.hart.pc = 0x1000
        #expect(m.hart.run(maxInstructions: 0) == .budgetExhausted, "no fetch, so no access fault")
        m.place([Encode.addi(1, 0, 1), Encode.jalr(0, 0, 0x100)])
        m.hart.pc = Self.base
        #expect(m.hart.run(maxInstructions: 2) == .budgetExhausted)
        #expect(m.hart.pc == 0x100 && m.hart.instructionsRetired == 2)
        #expect(m.hart.run(maxInstructions: 1) == .trap(Trap(.instructionAccessFault, value: 0x100, pc: 0x100)))
    }
}
