import Testing
@testable import RISCV

@Suite struct DecoderTests {
    /// One encoding of every RV64IMA, Zicsr, Zifencei and privileged instruction, assembled by
    /// riscv64-linux-gnu-as (-march=rv64ima_zicsr_zifencei), with the operation it must decode to.
    static let table: [(UInt32, Opcode)] = [
        (0x12345537, .lui), (0x12345517, .auipc), (0x001000ef, .jal), (0x010500e7, .jalr),
        (0x00b50863, .beq), (0x00b51863, .bne), (0x00b54863, .blt), (0x00b55863, .bge),
        (0x00b56863, .bltu), (0x00b57863, .bgeu), (0xfff58503, .lb), (0xfff59503, .lh),
        (0xfff5a503, .lw), (0xfff5b503, .ld), (0xfff5c503, .lbu), (0xfff5d503, .lhu),
        (0xfff5e503, .lwu), (0xfea58fa3, .sb), (0xfea59fa3, .sh), (0xfea5afa3, .sw),
        (0xfea5bfa3, .sd), (0x80058513, .addi), (0x0055a513, .slti), (0x0055b513, .sltiu),
        (0x0055c513, .xori), (0x0055e513, .ori), (0x0055f513, .andi), (0x03f59513, .slli),
        (0x03f5d513, .srli), (0x43f5d513, .srai), (0x00c58533, .add), (0x40c58533, .sub),
        (0x00c59533, .sll), (0x00c5a533, .slt), (0x00c5b533, .sltu), (0x00c5c533, .xor),
        (0x00c5d533, .srl), (0x40c5d533, .sra), (0x00c5e533, .or), (0x00c5f533, .and),
        (0xfff5851b, .addiw), (0x01f5951b, .slliw), (0x01f5d51b, .srliw), (0x41f5d51b, .sraiw),
        (0x00c5853b, .addw), (0x40c5853b, .subw), (0x00c5953b, .sllw), (0x00c5d53b, .srlw),
        (0x40c5d53b, .sraw), (0x0330000f, .fence), (0x8330000f, .fence), (0x0000100f, .fenceI),
        (0x00000073, .ecall), (0x00100073, .ebreak), (0x30200073, .mret), (0x10200073, .sret),
        (0x10500073, .wfi), (0x12b50073, .sfenceVma), (0x30059573, .csr), (0x3005a573, .csr),
        (0x3005b573, .csr), (0x3002d573, .csr), (0x3002e573, .csr), (0x3002f573, .csr),
        (0x02c58533, .mul), (0x02c59533, .mulh), (0x02c5a533, .mulhsu), (0x02c5b533, .mulhu),
        (0x02c5c533, .div), (0x02c5d533, .divu), (0x02c5e533, .rem), (0x02c5f533, .remu),
        (0x02c5853b, .mulw), (0x02c5c53b, .divw), (0x02c5d53b, .divuw), (0x02c5e53b, .remw),
        (0x02c5f53b, .remuw), (0x1005a52f, .atomic), (0x18c5a52f, .atomic), (0x1605b52f, .atomic),
        (0x1ac5b52f, .atomic), (0x08c5a52f, .atomic), (0x00c5a52f, .atomic), (0x20c5a52f, .atomic),
        (0x60c5a52f, .atomic), (0x40c5a52f, .atomic), (0x80c5a52f, .atomic), (0xa0c5a52f, .atomic),
        (0xc0c5a52f, .atomic), (0xe0c5a52f, .atomic), (0x08c5b52f, .atomic), (0x00c5b52f, .atomic),
        (0x20c5b52f, .atomic), (0x60c5b52f, .atomic), (0x40c5b52f, .atomic), (0x80c5b52f, .atomic),
        (0xa0c5b52f, .atomic), (0xc0c5b52f, .atomic), (0xe4c5b52f, .atomic),
    ]

    @Test func everyInstructionDecodesToItsOperation() {
        for (word, op) in Self.table {
            #expect(Decoder.decode(word).op == op, "0x\(String(word, radix: 16))")
            #expect(Decoder.decode(word).length == 4)
        }
    }

    @Test func operandsAndImmediates() {
        let addi = Decoder.decode(0x8005_8513)   // addi a0, a1, -2048
        #expect(addi.rd == 10 && addi.rs1 == 11 && addi.imm == UInt64(bitPattern: -2048))
        let sd = Decoder.decode(0xfea5_bfa3)     // sd a0, -1(a1)
        #expect(sd.rs1 == 11 && sd.rs2 == 10 && sd.imm == UInt64.max)
        let beq = Decoder.decode(0x00b5_0863)    // beq a0, a1, .+16
        #expect(beq.rs1 == 10 && beq.rs2 == 11 && beq.imm == 16)
        let jal = Decoder.decode(0x0010_00ef)    // jal ra, .+2048
        #expect(jal.rd == 1 && jal.imm == 2048)
        let lui = Decoder.decode(0x1234_5537)    // lui a0, 0x12345
        #expect(lui.imm == 0x1234_5000)
        let negativeLui = Decoder.decode(Encode.lui(1, 0x80000))
        #expect(negativeLui.imm == 0xffff_ffff_8000_0000, "lui sign-extends on RV64")
        let srai = Decoder.decode(Encode.srai(1, 2, 63))
        #expect(srai.op == .srai && srai.imm == 63)
        let branchBack = Decoder.decode(Encode.bne(1, 2, -4096))
        #expect(branchBack.imm == UInt64(bitPattern: -4096))
        let jalBack = Decoder.decode(Encode.jal(0, -1_048_576))
        #expect(jalBack.imm == UInt64(bitPattern: -1_048_576))
    }

    @Test func writesToX0GoToTheScratchRegister() {
        #expect(Decoder.decode(Encode.addi(0, 1, 1)).rd == UInt8(Hart.scratchRegister))
        #expect(Decoder.decode(Encode.addi(5, 1, 1)).rd == 5)
    }

    @Test func reservedEncodingsAreIllegal() {
        let illegal: [UInt32] = [
            0x0000_0000, 0xffff_ffff,
            Encode.slli(1, 1, 0) | 1 << 30,            // slli with funct6 010000
            Encode.sraiw(1, 1, 1) | 1 << 25,           // sraiw with shamt bit 5
            Encode.op(0x20, 1, 1, 2, 3),               // "sub"-style sll
            Encode.op32(1, 1, 1, 2, 3),                // funct3 1 of OP-32 with M funct7
            Encode.amo(2, 3, 5, 1, 7),                 // lr.d with rs2 != 0
            Encode.amo(5, 3, 5, 1, 7),                 // unknown AMO funct5
            Encode.amo(0, 4, 5, 1, 7),                 // AMO with width 4
            Encode.csr(4, 1, 0x300, 0),                // SYSTEM funct3 4
            0x1050_0173,                               // wfi with rd != 0
            0x1200_00f3,                               // sfence.vma with rd != 0
            Encode.i(0, 0, 2, 0, 0x0f),                // MISC-MEM funct3 2
            Encode.load(7, 1, 2, 0),                   // load funct3 7
            Encode.s(0, 1, 2, 4, 0x23),                // store funct3 4
            Encode.b(8, 1, 2, 2),                      // branch funct3 2
            0x0000_0007, 0x0000_0027,                  // LOAD-FP/STORE-FP funct3 0
            0x0400_0053,                               // OP-FP fmt 2 (half precision)
        ]
        for word in illegal {
            let decoded = Decoder.decode(word)
            #expect(decoded.op == .illegal, "0x\(String(word, radix: 16))")
            #expect(decoded.bits == word)
        }
    }
}
