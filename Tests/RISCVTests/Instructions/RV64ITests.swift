import Testing
@testable import RISCV

@Suite struct RV64ITests {
    @Test func arithmeticAndImmediates() throws {
        let m = try TestMachine()
        let stop = m.run([
            Encode.addi(1, 0, -5), Encode.addi(2, 0, 7), Encode.add(3, 1, 2), Encode.sub(4, 1, 2),
            Encode.lui(5, 0xfffff), Encode.auipc(6, 1), Encode.xori(7, 2, -1), Encode.andi(8, 1, 0xff),
            Encode.ori(9, 0, 0x7ff),
        ])
        #expect(stop == .budgetExhausted)
        #expect(m.x(3) == 2)
        #expect(m.x(4) == UInt64(bitPattern: -12))
        #expect(m.x(5) == 0xffff_ffff_ffff_f000)
        #expect(m.x(6) == TestMachine.ramBase + 20 + 0x1000)
        #expect(m.x(7) == UInt64(bitPattern: -8))
        #expect(m.x(8) == 0xfb)
        #expect(m.x(9) == 0x7ff)
        #expect(m.hart.pc == TestMachine.ramBase + 36)
        #expect(m.hart.instructionsRetired == 9)
    }

    @Test func comparisons() throws {
        let m = try TestMachine()
        m.run([
            Encode.addi(1, 0, -1), Encode.addi(2, 0, 1),
            Encode.slt(3, 1, 2), Encode.sltu(4, 1, 2), Encode.slti(5, 1, 0), Encode.sltiu(6, 2, -1),
            Encode.sltiu(7, 1, 5),
        ])
        #expect(m.x(3) == 1)
        #expect(m.x(4) == 0)
        #expect(m.x(5) == 1)
        #expect(m.x(6) == 1, "sltiu compares with the sign-extended immediate as unsigned")
        #expect(m.x(7) == 0)
    }

    @Test func shiftsBy63AndWordShifts() throws {
        let m = try TestMachine()
        m.run([
            Encode.addi(1, 0, 1), Encode.slli(2, 1, 63), Encode.srai(3, 2, 63), Encode.srli(4, 2, 63),
            Encode.addi(5, 0, 127), Encode.sll(6, 1, 5), Encode.sra(7, 2, 5), Encode.srl(8, 2, 5),
            Encode.slliw(9, 1, 31), Encode.sraiw(10, 9, 31), Encode.srliw(11, 9, 31),
            Encode.sllw(12, 1, 5), Encode.sraw(13, 9, 5), Encode.srlw(14, 9, 5),
        ])
        #expect(m.x(2) == 1 << 63)
        #expect(m.x(3) == UInt64.max)
        #expect(m.x(4) == 1)
        #expect(m.x(6) == 1 << 63, "sll uses the low 6 bits of rs2")
        #expect(m.x(7) == UInt64.max)
        #expect(m.x(8) == 1)
        #expect(m.x(9) == 0xffff_ffff_8000_0000, "slliw sign-extends bit 31")
        #expect(m.x(10) == UInt64.max)
        #expect(m.x(11) == 1)
        #expect(m.x(12) == 0xffff_ffff_8000_0000, "sllw uses the low 5 bits of rs2")
        #expect(m.x(13) == UInt64.max)
        #expect(m.x(14) == 1)
    }

    @Test func wordArithmeticSignExtends() throws {
        let m = try TestMachine()
        m.run(Encode.li(1, 0x7fff_ffff) + [Encode.addiw(2, 1, 1), Encode.addw(3, 1, 1), Encode.subw(4, 0, 1),
                                            Encode.addiw(5, 1, 0)])
        #expect(m.x(2) == 0xffff_ffff_8000_0000)
        #expect(m.x(3) == 0xffff_ffff_ffff_fffe)
        #expect(m.x(4) == 0xffff_ffff_8000_0001)
        #expect(m.x(5) == 0x7fff_ffff)
    }

    @Test func writesToX0AreDiscarded() throws {
        let m = try TestMachine()
        m.run([Encode.addi(0, 0, 5), Encode.lui(0, 1), Encode.add(1, 0, 0), Encode.jal(0, 4), Encode.addi(2, 0, 3)])
        #expect(m.x(0) == 0)
        #expect(m.x(1) == 0)
        #expect(m.x(2) == 3)
    }

    @Test func loadsSignAndZeroExtend() throws {
        let m = try TestMachine()
        let data = TestMachine.ramBase + 0x1000
        m.memory.store(UInt64(0x8182_8384_f5f6_f7f8), at: data)
        m.run(Encode.li(1, data) + [
            Encode.lb(2, 1, 0), Encode.lbu(3, 1, 0), Encode.lh(4, 1, 0), Encode.lhu(5, 1, 0),
            Encode.lw(6, 1, 4), Encode.lwu(7, 1, 4), Encode.ld(8, 1, 0), Encode.lw(9, 1, 0),
        ])
        #expect(m.x(2) == 0xffff_ffff_ffff_fff8)
        #expect(m.x(3) == 0xf8)
        #expect(m.x(4) == 0xffff_ffff_ffff_f7f8)
        #expect(m.x(5) == 0xf7f8)
        #expect(m.x(6) == 0xffff_ffff_8182_8384)
        #expect(m.x(7) == 0x8182_8384)
        #expect(m.x(8) == 0x8182_8384_f5f6_f7f8)
        #expect(m.x(9) == 0xffff_ffff_f5f6_f7f8)
    }

    @Test func storesWriteTheirWidth() throws {
        let m = try TestMachine()
        let data = TestMachine.ramBase + 0x1000
        m.run(Encode.li(1, data) + Encode.li(2, 0x1122_3344_5566_7788) + [
            Encode.sd(2, 1, 0), Encode.sw(0, 1, 0), Encode.sh(2, 1, 8), Encode.sb(2, 1, 16),
        ])
        #expect(m.memory.load(UInt64.self, at: data) == 0x1122_3344_0000_0000)
        #expect(m.memory.load(UInt64.self, at: data + 8) == 0x7788)
        #expect(m.memory.load(UInt64.self, at: data + 16) == 0x88)
    }

    @Test func branchesAndJumps() throws {
        let m = try TestMachine()
        // 0: x1 = -1; 4: x2 = 1; 8: blt x1,x2,+8 (taken); 12: x3 = 1 (skipped); 16: bltu x1,x2,+8 (not taken)
        // 20: x4 = 1; 24: bge x2,x1,+8 (taken); 28: x5 = 1 (skipped); 32: bgeu x1,x2,+8 (taken)
        // 36: x6 = 1 (skipped); 40: beq x1,x1,+8; 44: skipped; 48: bne x1,x1,+8 (not taken)
        // 52: jal x7,+8; 56: skipped; 60: jalr x8, 0(x7) with x7 = 56 -> back to 56: x9 = 9
        m.run([
            Encode.addi(1, 0, -1), Encode.addi(2, 0, 1), Encode.blt(1, 2, 8), Encode.addi(3, 0, 1),
            Encode.bltu(1, 2, 8), Encode.addi(4, 0, 1), Encode.bge(2, 1, 8), Encode.addi(5, 0, 1),
            Encode.bgeu(1, 2, 8), Encode.addi(6, 0, 1), Encode.beq(1, 1, 8), Encode.addi(10, 0, 1),
            Encode.bne(1, 1, 8), Encode.jal(7, 8), Encode.addi(9, 0, 9), Encode.jalr(8, 7, 1),
        ], budget: 12)
        #expect(m.x(3) == 0)
        #expect(m.x(4) == 1)
        #expect(m.x(5) == 0)
        #expect(m.x(6) == 0)
        #expect(m.x(10) == 0)
        #expect(m.x(7) == TestMachine.ramBase + 56)
        #expect(m.x(8) == TestMachine.ramBase + 64)
        #expect(m.x(9) == 9, "jalr cleared bit 0 of 57 and landed on 56")
        #expect(m.hart.pc == TestMachine.ramBase + 60)
    }

    @Test func illegalEncodingsTrapWithTheirBits() throws {
        for word: UInt32 in [0xffff_ffff, Encode.jalr(1, 2, 0) | 1 << 12, Encode.op(0x01 << 1, 0, 1, 2, 3),
                             Encode.slli(1, 1, 64) | 1 << 31, 0x0000_707f] {
            let m = try TestMachine()
            let stop = m.run([word])
            #expect(stop == .trap(Trap(.illegalInstruction, value: UInt64(word), pc: TestMachine.ramBase)))
            #expect(m.hart.instructionsRetired == 0)
        }
    }
}
