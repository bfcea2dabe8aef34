import Testing
@testable import RISCV

/// `Opcode.endsBlock` lists the operations that always leave the loop's straight line; the loop's
/// switch lists them again. This holds the two together: every operation that does not jump ends
/// a block exactly when, with operands that let it run (aligned addresses in RAM with a warm TLB,
/// FS on, floating-point operands the host shortcuts cover), it still takes the cold path.
@Suite struct EndsBlockTests {
    static let dataAddress = TestMachine.ramBase + 0x1_0000

    /// Up to `perOp` instructions of each operation, as the decode cache stores them: every
    /// 16-bit parcel; random words of each major opcode, each first with a zero offset (loads,
    /// stores) or rounding mode (OP-FP and the fused multiply-adds) and then as drawn; the fixed
    /// SYSTEM and fence encodings; the FP moves; every bit-manipulation encoding.
    static func samples(perOp: Int) -> [Opcode: [UInt32]] {
        var found: [Opcode: [UInt32]] = [:]
        func add(_ bits: UInt32) {
            let op = Decoder.decode(bits).cachedForm.op
            if found[op, default: []].count < perOp { found[op, default: []].append(bits) }
        }
        for parcel in UInt32(0)...0xffff where parcel & 3 != 3 { add(parcel) }
        var g = XorshiftGenerator(state: 0x5eed_0001)
        let majors: [UInt32] = [0x03, 0x07, 0x0f, 0x13, 0x17, 0x1b, 0x23, 0x27, 0x2f, 0x33, 0x37, 0x3b,
                                0x43, 0x47, 0x4b, 0x4f, 0x53, 0x63, 0x67, 0x6f, 0x73]
        for i in 0..<400_000 {
            let major = majors[i % majors.count]
            let bits = UInt32(truncatingIfNeeded: g.next()) & ~0x7f | major
            switch major {
            case 0x03, 0x07: add(bits & 0x000f_ffff)
            case 0x23, 0x27: add(bits & 0x01ff_f07f)
            case 0x43, 0x47, 0x4b, 0x4f, 0x53: add(bits & ~0x7000)
            default: break
            }
            add(bits)
        }
        for bits: UInt32 in [0x0000_0073, 0x0010_0073, 0x3020_0073, 0x1020_0073, 0x1050_0073, 0x1200_0073,
                             0x0000_100f, 0x0ff0_000f, 0xe000_8553, 0xe200_8553, 0xf000_8553, 0xf200_8553] { add(bits) }
        for e in BitManipulation.encodings { add(e.match | 5 << 7 | 6 << 15 | (e.form == .register ? 7 << 20 : 0)) }
        return found
    }

    /// Whether `bits` leaves the straight line when it runs a second time on a warm hart, with
    /// every x register pointing at aligned data and every f register holding `float`.
    static func takesColdPath(_ bits: UInt32, float: UInt64) throws -> Bool {
        let m = try TestMachine(ramSize: 1 << 20)
        if bits & 3 == 3 { m.place([bits, Encode.nop]) } else { m.placeParcels([UInt16(bits), 0x0001, 0x0001]) }
        m.hart.writeCSR(CSRAddress.mstatus, 3 << 13)
        for run in 0..<2 {
            for i in 1..<32 { m.hart.setRegister(i, dataAddress) }
            for i in 0..<32 { m.hart.setFloatRegister(i, float) }
            m.hart.pc = TestMachine.ramBase
            let before = m.hart.coldPathsTaken
            _ = m.hart.run(maxInstructions: 1)
            if run == 1 { return m.hart.coldPathsTaken != before }
        }
        return true
    }

    @Test func endsBlockIsExactlyTheAlwaysColdSet() throws {
        let samples = Self.samples(perOp: 6)
        let jumps: Set<Opcode> = [.jal, .jalr, .beq, .bne, .blt, .bge, .bltu, .bgeu]
        let double15: UInt64 = 0x3ff8_0000_0000_0000, single15: UInt64 = 0xffff_ffff_3fc0_0000
        for raw in Opcode.firstExecutable.rawValue...UInt8.max {
            guard let op = Opcode(rawValue: raw) else { break }
            guard !jumps.contains(op) else {
                #expect(op.endsBlock, "\(op) jumps")
                continue
            }
            guard let words = samples[op] else {
                Issue.record("no sample decodes to \(op)")
                continue
            }
            var alwaysCold = true
            for bits in words where alwaysCold {
                if try !Self.takesColdPath(bits, float: double15) || !Self.takesColdPath(bits, float: single15) {
                    alwaysCold = false
                }
            }
            #expect(op.endsBlock == alwaysCold, "\(op): endsBlock \(op.endsBlock), always cold \(alwaysCold)")
        }
    }
}
