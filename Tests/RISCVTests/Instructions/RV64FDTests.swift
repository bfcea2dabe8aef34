import Testing
@testable import RISCV

/// The rules F and D share: transfers, NaN boxing in loads and stores, rounding-mode resolution,
/// mstatus.FS, fflags accrual, and agreement of the decoder with the disassembler.
@Suite struct RV64FDTests {
    typealias E = Encode.FP
    static let data = TestMachine.ramBase + 0x2000
    static let pc = TestMachine.ramBase

    func illegal(_ bits: UInt32) -> StopReason {
        .trap(Trap(.illegalInstruction, value: UInt64(bits), pc: Self.pc))
    }

    @Test func loadsAndStoresMoveBitsUnchanged() throws {
        let m = try FloatingPointMachine()
        m.machine.memory.store(UInt64(0x1122_3344_7f80_0001), at: Self.data)
        m.run([
            Encode.flw(1, 1, 0), Encode.fld(2, 1, 0), Encode.fsw(3, 1, 16), Encode.fsd(2, 1, 24),
            Encode.fld(4, 1, 3), Encode.fsd(4, 1, 37),
        ], f: [3: 0x0000_0000_3f80_0000], x: [1: Self.data])
        #expect(m.f(1) == 0xffff_ffff_7f80_0001, "flw NaN-boxes, signalling NaN kept")
        #expect(m.f(2) == 0x1122_3344_7f80_0001)
        #expect(m.machine.memory.load(UInt32.self, at: Self.data + 16) == 0x3f80_0000, "fsw ignores the box")
        #expect(m.machine.memory.load(UInt64.self, at: Self.data + 24) == 0x1122_3344_7f80_0001)
        #expect(m.f(4) == 0x0000_0011_2233_447f, "misaligned fld")
        #expect(m.machine.memory.load(UInt64.self, at: Self.data + 37) == 0x0000_0011_2233_447f, "misaligned fsd")
        #expect(m.fflags == 0)
    }

    @Test func storeToTohostStopsTheRun() throws {
        let m = try FloatingPointMachine()
        m.hart.tohostAddress = Self.data
        let stop = m.run([Encode.fsd(1, 1, 0), Encode.nop], f: [1: 0x1234_5678_9abc_def1], x: [1: Self.data])
        #expect(stop == .tohost(0x1234_5678_9abc_def1))
        #expect(m.hart.pc == TestMachine.ramBase + 4)
        #expect(m.hart.instructionsRetired == 1)
    }

    @Test func compressedLoadsAndStores() throws {
        let m = try FloatingPointMachine()
        m.machine.memory.store(Bits.d(1.5), at: Self.data + 248)
        m.machine.memory.store(Bits.d(-2.5), at: Self.data + 504)
        m.machine.placeParcels([
            Encode.cFld(9, 15, 248), Encode.cFsd(9, 8, 0), Encode.cFldsp(0, 504), Encode.cFsdsp(0, 8),
        ])
        m.hart.setRegister(15, Self.data)
        m.hart.setRegister(8, Self.data + 0x100)
        m.hart.setRegister(2, Self.data)
        #expect(m.hart.run(maxInstructions: 4) == .budgetExhausted)
        #expect(m.hart.pc == TestMachine.ramBase + 8)
        #expect(m.f(9) == Bits.d(1.5))
        #expect(m.machine.memory.load(UInt64.self, at: Self.data + 0x100) == Bits.d(1.5))
        #expect(m.f(0) == Bits.d(-2.5), "c.fldsp to f0 is legal")
        #expect(m.machine.memory.load(UInt64.self, at: Self.data + 8) == Bits.d(-2.5))
    }

    @Test func loadFaultsLeaveTheRegister() throws {
        let m = try FloatingPointMachine()
        let word = Encode.fld(1, 1, 0)
        #expect(m.run([word], f: [1: 7], x: [1: 0x1000]) == .trap(Trap(.loadAccessFault, value: 0x1000, pc: Self.pc)))
        #expect(m.f(1) == 7)
        #expect(m.fs == 1)
    }

    @Test func floatingPointOffMakesEveryInstructionIllegal() throws {
        let words = [
            Encode.flw(1, 1, 0), Encode.fld(1, 1, 0), Encode.fsw(1, 1, 0), Encode.fsd(1, 1, 0),
            Encode.fp(E.moveToInteger, 0, 10, 1, 0, rm: 0), Encode.fp(E.moveFromInteger, 1, 10, 1, 0, rm: 0),
            Encode.fp(E.add, 1, 10, 1, 2, rm: 0), Encode.fma(0x43, 0, 10, 1, 2, 3, rm: 0),
            Encode.fp(E.moveToInteger, 1, 10, 1, 0, rm: 1),
        ]
        for word in words {
            let m = try FloatingPointMachine(fs: 0)
            #expect(m.run([word], f: [1: Bits.d(1)], x: [1: Self.data, 10: 5]) == illegal(word))
            #expect(m.f(10) == 0 && m.x(10) == 5 && m.fs == 0)
        }
        let m = try FloatingPointMachine(fs: 0)
        let parcel = Encode.cFsdsp(0, 8)
        m.machine.placeParcels([parcel])
        #expect(m.hart.run(maxInstructions: 1) == illegal(UInt32(parcel)))
    }

    @Test func writesMakeTheStateDirty() throws {
        var m = try FloatingPointMachine()
        m.run([Encode.fp(E.moveToInteger, 1, 10, 1, 0, rm: 0), Encode.fp(E.compare, 1, 11, 1, 1, rm: 2)], f: [1: Bits.d(1)])
        #expect(m.fs == 1, "fmv.x.d and a quiet feq write no FP state")
        #expect(m.hart.readCSR(CSRAddress.mstatus) >> 63 == 0)
        m = try FloatingPointMachine()
        m.run([Encode.fp(E.compare, 1, 11, 1, 1, rm: 1)], f: [1: Bits.canonicalNaND])
        #expect(m.fs == 3 && m.fflags == Flag.nv, "raising a flag dirties")
        for word in [Encode.fp(E.moveFromInteger, 0, 10, 1, 0, rm: 0), Encode.fld(1, 1, 0), Encode.fp(E.add, 1, 10, 1, 2, rm: 0)] {
            m = try FloatingPointMachine()
            m.run([word], x: [1: Self.data])
            #expect(m.fs == 3)
            #expect(m.hart.readCSR(CSRAddress.mstatus) >> 63 == 1, "SD")
            #expect(m.hart.readCSR(CSRAddress.sstatus) >> 63 == 1)
        }
    }

    @Test func flagsAccrueIntoFcsr() throws {
        let m = try FloatingPointMachine(frm: 3)
        m.run([
            Encode.fp(E.div, 1, 10, 1, 2, rm: 7), Encode.fp(E.div, 1, 11, 2, 3, rm: 7),
            Encode.csrrs(5, CSRAddress.fcsr, 0), Encode.csrrs(6, CSRAddress.fflags, 0),
        ], f: [1: Bits.d(1), 2: Bits.d(3), 3: Bits.d(0)])
        #expect(m.x(5) == 3 << 5 | Flag.nx | Flag.dz)
        #expect(m.x(6) == Flag.nx | Flag.dz)
    }

    @Test func dynamicRoundingUsesFrm() throws {
        let third = Bits.d(1.0 / 3.0)
        for (frm, expected) in [(UInt64(0), third), (1, third), (2, third), (3, third + 1), (4, third)] {
            let m = try FloatingPointMachine(frm: frm)
            m.run([Encode.fp(E.div, 1, 10, 1, 2, rm: 7)], f: [1: Bits.d(1), 2: Bits.d(3)])
            #expect(m.f(10) == expected, "frm \(frm)")
        }
        let m = try FloatingPointMachine(frm: 3)
        m.run([Encode.fp(E.div, 1, 10, 1, 2, rm: 1)], f: [1: Bits.d(1), 2: Bits.d(3)])
        #expect(m.f(10) == third, "a static rm overrides frm")
        let s = try FloatingPointMachine(frm: 2)
        s.run([Encode.fp(E.toInteger, 0, 10, 1, 0, rm: 7)], f: [1: Bits.s(-0.5)])
        #expect(s.x(10) == UInt64.max, "fcvt.w.s rounds down by frm")
    }

    /// fadd/fsub/fmul/fdiv in one straight line (the loop's host shortcuts where they apply, the
    /// library elsewhere) give the library's value and flags, for operands inside and outside the
    /// shortcut window, under static RNE, dynamic RNE and dynamic round-up.
    @Test func arithmeticInAStraightLineMatchesTheLibrary() throws {
        let doubles: [(Double, Double)] = [(1.5, 0.1), (3e300, 7e200), (1e-310, 3.0), (-2.0, 0.0), (.infinity, 2)]
        let singles: [(Float, Float)] = [(1.5, 0.1), (3e30, 7e20), (1e-40, 3.0), (-2.0, 0.0), (.nan, 2)]
        for (rm, frm) in [(UInt32(0), UInt64(3)), (7, 0), (7, 3)] {
            let mode = RoundingMode(rawValue: UInt8(rm == 7 ? frm : UInt64(rm)))!
            for ((a, b), (p, q)) in zip(doubles, singles) {
                let m = try FloatingPointMachine(frm: frm)
                let words = (0..<4).map { Encode.fp(UInt32($0), 1, 10 + $0, 1, 2, rm: rm) }
                    + (0..<4).map { Encode.fp(UInt32($0), 0, 20 + $0, 3, 4, rm: rm) } + [Encode.ecall]
                m.machine.place(words)
                for (i, v) in [Bits.d(a), Bits.d(b), Bits.s(p), Bits.s(q)].enumerated() { m.hart.setFloatRegister(i + 1, v) }
                #expect(m.hart.run(maxInstructions: 100) == .trap(Trap(.environmentCallFromM, pc: Self.pc + 32)))
                let x = a.bitPattern, y = b.bitPattern, u = p.bitPattern, v = q.bitPattern
                let expectedD = [F64.add(x, y, mode), F64.sub(x, y, mode), F64.mul(x, y, mode), F64.div(x, y, mode)]
                let expectedS = [F32.add(u, v, mode), F32.sub(u, v, mode), F32.mul(u, v, mode), F32.div(u, v, mode)]
                #expect((0..<4).map { m.f(10 + $0) } == expectedD.map(\.value), "\(a), \(b), rm \(rm), frm \(frm)")
                #expect((0..<4).map { m.f(20 + $0) } == expectedS.map { boxF32($0.value) }, "\(p), \(q), rm \(rm), frm \(frm)")
                let flags = expectedD.reduce(0) { $0 | UInt64($1.flags.rawValue) }
                    | expectedS.reduce(0) { $0 | UInt64($1.flags.rawValue) }
                #expect(m.fflags == flags, "\(a), \(b), rm \(rm), frm \(frm)")
            }
        }
    }

    @Test func invalidRoundingModesAreIllegal() throws {
        let staticReserved = [
            Encode.fp(E.add, 0, 10, 1, 2, rm: 5), Encode.fp(E.sqrt, 1, 10, 1, 0, rm: 6),
            Encode.fma(0x4f, 1, 10, 1, 2, 3, rm: 5), Encode.fp(E.convertFormat, 1, 10, 1, 0, rm: 5),
            Encode.fp(E.fromInteger, 1, 10, 1, 0, rm: 6), Encode.fp(E.toInteger, 0, 10, 1, 3, rm: 5),
        ]
        for word in staticReserved {
            let m = try FloatingPointMachine()
            #expect(m.run([word], f: [1: Bits.d(1)]) == illegal(word))
            #expect(m.f(10) == 0 && m.fs == 1)
        }
        let dynamic = [
            Encode.fp(E.add, 1, 10, 1, 2, rm: 7), Encode.fp(E.convertFormat, 1, 10, 1, 0, rm: 7),
            Encode.fp(E.fromInteger, 1, 10, 1, 0, rm: 7), Encode.fma(0x43, 0, 10, 1, 2, 3, rm: 7),
            Encode.fp(E.toInteger, 1, 10, 1, 2, rm: 7),
        ]
        for frm in UInt64(5)...7 {
            for word in dynamic {
                let m = try FloatingPointMachine(frm: frm)
                #expect(m.run([word], f: [1: Bits.d(1)], x: [10: 9]) == illegal(word), "frm \(frm)")
                #expect(m.f(10) == 0 && m.x(10) == 9)
            }
        }
        let m = try FloatingPointMachine(frm: 5)
        m.run([Encode.fp(E.sgnj, 1, 10, 1, 1, rm: 0), Encode.fp(E.minMax, 1, 11, 1, 1, rm: 1)], f: [1: Bits.d(2)])
        #expect(m.f(10) == Bits.d(2) && m.f(11) == Bits.d(2), "funct3 of fsgnj/fmin is no rounding mode")
    }

    @Test func architecturalIllegalTrapReportsTheBits() throws {
        let m = try FloatingPointMachine()
        m.hart.delivery = .architectural
        m.hart.writeCSR(CSRAddress.mtvec, TestMachine.ramBase + 0x100)
        let word = Encode.fp(E.add, 0, 10, 1, 2, rm: 6)
        m.run([word])
        #expect(m.hart.readCSR(CSRAddress.mcause) == 2)
        #expect(m.hart.readCSR(CSRAddress.mtval) == UInt64(word))
    }

    /// Every F/D encoding of the disassembler's table decodes to an instruction of the same kind,
    /// and reserved encodings are both `unknown` and illegal.
    @Test func decoderAgreesWithDisassembler() {
        for entry in fdDisassemblyTable {
            let decoded = Decoder.decode(entry.bits)
            let mnemonic = String(entry.text.prefix { $0 != " " })
            let expected: Opcode
            switch mnemonic {
            case "flw": expected = .flw
            case "fld": expected = .fld
            case "fsw": expected = .fsw
            case "fsd": expected = .fsd
            case "fmv.x.w": expected = .fmvXW
            case "fmv.x.d": expected = .fmvXD
            case "fmv.w.x": expected = .fmvWX
            case "fmv.d.x": expected = .fmvDX
            case "fadd.s": expected = .faddS
            case "fsub.s": expected = .fsubS
            case "fmul.s": expected = .fmulS
            case "fdiv.s": expected = .fdivS
            case "fadd.d": expected = .faddD
            case "fsub.d": expected = .fsubD
            case "fmul.d": expected = .fmulD
            case "fdiv.d": expected = .fdivD
            default: expected = .floatingPoint
            }
            #expect(decoded.op == expected, "\(entry.text)")
            #expect(decoded.bits == entry.bits)
        }
        let compressed: [(UInt16, Opcode, rd: UInt8, rs1: UInt8, rs2: UInt8, imm: UInt64)] = [
            (0x2188, .fld, 10, 11, 0, 0), (0x3fe4, .fld, 9, 15, 0, 248), (0xa188, .fsd, 32, 11, 10, 0),
            (0xbc7c, .fsd, 32, 8, 15, 248), (0x2502, .fld, 10, 2, 0, 0), (0x3ffe, .fld, 31, 2, 0, 504),
            (0xa42a, .fsd, 32, 2, 10, 8), (0xbfee, .fsd, 32, 2, 27, 504),
        ]
        for (parcel, op, rd, rs1, rs2, imm) in compressed {
            let d = Decoder.decode(UInt32(parcel))
            #expect(Disassembler.disassemble(UInt32(parcel), pc: 0).hasPrefix(op == .fld ? "c.fld" : "c.fsd"))
            #expect(d.op == op && d.rs1 == rs1 && d.imm == imm && d.length == 2, "0x\(String(parcel, radix: 16))")
            if op == .fld { #expect(d.rd == rd) } else { #expect(d.rs2 == rs2) }
        }
        let reserved: [UInt32] = [
            0x0020_d053,                                  // fadd.s rm 5
            0x5815_f553,                                  // fsqrt.s with rs2 1
            0x4005_f553,                                  // fcvt.s.d with rs2 0
            0x4215_8553,                                  // fcvt.d.s with rs2 1
            0x0420_8053, 0x0620_8053,                     // fmt H and Q
            0x21ee_be53,                                  // fsgnj funct3 3
            0x29ee_ae53,                                  // fmin/fmax funct3 2
            0xa0b5_3553,                                  // compare funct3 3
            0xc045_7553,                                  // fcvt.int.s rs2 4
            0xe005_2553,                                  // fmv.x.w/fclass funct3 2
            0xf015_0553,                                  // fmv.w.x rs2 1
            0x68c5_d543,                                  // fmadd.s rm 5
            0x6cc5_f543,                                  // fmadd fmt H
            Encode.i(0, 1, 4, 1, 0x07), Encode.s(0, 1, 2, 1, 0x27),
        ]
        for word in reserved {
            #expect(Decoder.decode(word).op == .illegal, "0x\(String(word, radix: 16))")
            #expect(Disassembler.disassemble(word, pc: 0).hasPrefix("unknown"), "0x\(String(word, radix: 16))")
        }
    }
}
