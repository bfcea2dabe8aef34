import Testing
@testable import RISCV

/// The decode cache stores compressed instructions under one-parcel forms that the execute loop
/// runs with cases of their own (`Opcode.compressedForm`). Each form must do exactly what its
/// 32-bit base instruction does, on the loop's fast path (a warm TLB) and on its cold paths.
@Suite struct CompressedFormTests {
    static let base = TestMachine.ramBase
    static let data = TestMachine.ramBase + 0x2000

    /// A compressed parcel (encodings from GNU as) and the 32-bit instruction it expands to.
    static let pairs: [(name: String, parcel: UInt16, word: UInt32)] = [
        ("c.addi a0,-3", 0x1575, Encode.addi(10, 10, -3)),
        ("c.li a1,17", 0x45c5, Encode.addi(11, 0, 17)),
        ("c.addi16sp sp,-64", 0x7139, Encode.addi(2, 2, -64)),
        ("c.addi4spn s0,sp,16", 0x0800, Encode.addi(8, 2, 16)),
        ("c.addiw a2,-1", 0x367d, Encode.addiw(12, 12, -1)),
        ("c.lui a3,0xfffe1", 0x7685, Encode.lui(13, 0xfffe1)),
        ("c.andi a4,-8", 0x9b61, Encode.andi(14, 14, -8)),
        ("c.slli a5,63", 0x17fe, Encode.slli(15, 15, 63)),
        ("c.srli s1,1", 0x8085, Encode.srli(9, 9, 1)),
        ("c.srai s1,63", 0x94fd, Encode.srai(9, 9, 63)),
        ("c.mv a0,a1", 0x852e, Encode.add(10, 0, 11)),
        ("c.add a0,a1", 0x952e, Encode.add(10, 10, 11)),
        ("c.sub s0,s1", 0x8c05, Encode.sub(8, 8, 9)),
        ("c.xor s0,s1", 0x8c25, Encode.xor(8, 8, 9)),
        ("c.or s0,s1", 0x8c45, Encode.or(8, 8, 9)),
        ("c.and s0,s1", 0x8c65, Encode.and(8, 8, 9)),
        ("c.addw s0,s1", 0x9c25, Encode.addw(8, 8, 9)),
        ("c.subw s0,s1", 0x9c05, Encode.subw(8, 8, 9)),
        ("c.lw a0,4(s0)", 0x4048, Encode.lw(10, 8, 4)),
        ("c.lwsp a0,8(sp)", 0x4522, Encode.lw(10, 2, 8)),
        ("c.ld a0,8(s0)", 0x6408, Encode.ld(10, 8, 8)),
        ("c.ldsp a0,16(sp)", 0x6542, Encode.ld(10, 2, 16)),
        ("c.ld a0,0(a1), misaligned", 0x6188, Encode.ld(10, 11, 0)),
        ("c.sw a0,4(s0)", 0xc048, Encode.sw(10, 8, 4)),
        ("c.swsp a0,8(sp)", 0xc42a, Encode.sw(10, 2, 8)),
        ("c.sd a0,8(s0)", 0xe408, Encode.sd(10, 8, 8)),
        ("c.sdsp a0,16(sp)", 0xe82a, Encode.sd(10, 2, 16)),
        ("c.fld fa0,8(s0)", 0x2408, Encode.fld(10, 8, 8)),
        ("c.fldsp fa0,16(sp)", 0x2542, Encode.fld(10, 2, 16)),
        ("c.fsd fa0,8(s0)", 0xa408, Encode.fsd(10, 8, 8)),
        ("c.fsdsp fa0,16(sp)", 0xa82a, Encode.fsd(10, 2, 16)),
    ]

    struct Outcome: Equatable {
        var stop: StopReason
        var pcAfter: UInt64
        var retired: UInt64
        var x: [UInt64]
        var f: [UInt64]
        var data: [UInt64]
    }

    /// Runs `code` (then ecall) twice from the same registers, the second time with the TLB warm,
    /// and returns the state after the second run, with pc relative to the ecall.
    static func run(_ place: (TestMachine) -> UInt64, fs: UInt64 = 1) throws -> Outcome {
        let m = try TestMachine()
        for i in 0..<64 { m.memory.store(0x0123_4567_89ab_cdef &* UInt64(i + 1), at: data + UInt64(8 * i)) }
        let ecallAt = place(m)
        m.place([Encode.ecall], at: ecallAt)
        var stop = StopReason.budgetExhausted
        for _ in 0..<2 {
            m.hart.writeCSR(CSRAddress.mstatus, fs << 13)
            for i in 1..<32 { m.hart.setRegister(i, 0x8000_0000_0000_0001 &* UInt64(i) ^ 0x5a5a) }
            for i in [2, 8] { m.hart.setRegister(i, data + 0x80) }
            m.hart.setRegister(11, data + 0x44)
            for i in 0..<32 { m.hart.setFloatRegister(i, 0x4000_0000_0000_0000 | UInt64(i)) }
            m.hart.pc = base
            stop = m.hart.run(maxInstructions: 10)
        }
        return Outcome(stop: stop, pcAfter: m.hart.pc &- ecallAt, retired: m.hart.instructionsRetired,
                       x: (0..<32).map { m.x($0) }, f: (0..<32).map { m.hart.floatRegister($0) },
                       data: (0..<64).map { m.memory.load(UInt64.self, at: data + UInt64(8 * $0)) })
    }

    @Test(arguments: 0..<pairs.count)
    func oneParcelFormRunsAsItsBaseInstruction(index: Int) throws {
        let (name, parcel, word) = Self.pairs[index]
        let compressed = try Self.run { m in m.placeParcels([parcel]) }
        let full = try Self.run { m in m.place([word]) }
        #expect(compressed.stop == .trap(Trap(.environmentCallFromM, pc: Self.base + 2)), "\(name)")
        #expect(full.stop == .trap(Trap(.environmentCallFromM, pc: Self.base + 4)), "\(name)")
        #expect(compressed.pcAfter == 0 && compressed.retired == 2, "\(name)")
        #expect(compressed.x == full.x && compressed.f == full.f && compressed.data == full.data, "\(name)")
    }

    @Test func theCacheStoresCompressedInstructionsUnderTheirOneParcelForm() throws {
        let m = try TestMachine()
        m.placeParcels(Self.pairs.map(\.parcel) + [0x9002])
        m.hart.writeCSR(CSRAddress.mstatus, 1 << 13)
        for i in [2, 8, 11] { m.hart.setRegister(i, Self.data + 0x80) }
        _ = m.hart.run(maxInstructions: 100)
        let slots = m.hart.codeCache.slots(pageIndex: 0)
        for (i, pair) in Self.pairs.enumerated() {
            let expected = Decoder.decode(UInt32(pair.parcel)).op.compressedForm
            #expect(expected != nil && slots[i].op == expected, "\(pair.name)")
            #expect(slots[i].op.baseForm == Decoder.decode(pair.word).op, "\(pair.name)")
        }
    }

    @Test func oneParcelFloatingPointTransferWithFSOffIsIllegal() throws {
        for pair in Self.pairs where pair.name.hasPrefix("c.f") {
            let outcome = try Self.run({ m in m.placeParcels([pair.parcel]) }, fs: 0)
            #expect(outcome.stop == .trap(Trap(.illegalInstruction, value: UInt64(pair.parcel), pc: Self.base)), "\(pair.name)")
        }
    }

    /// Every 16-bit parcel either has a one-parcel form or ends a block, so the loop's 32-bit step
    /// never applies to a compressed instruction (`DecodedInstruction.cachedForm` checks it).
    @Test func everyCompressedEncodingHasAFormOrEndsABlock() {
        var unsupported: [UInt16] = []
        for parcel in 0...UInt16.max where parcel & 3 != 3 {
            let op = Decoder.decode(UInt32(parcel)).op
            if op.compressedForm == nil && !op.endsBlock { unsupported.append(parcel) }
        }
        #expect(unsupported.isEmpty, "\(unsupported.prefix(8).map { String($0, radix: 16) })")
    }
}
