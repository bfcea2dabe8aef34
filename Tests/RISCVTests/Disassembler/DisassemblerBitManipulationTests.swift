import Testing
import RISCV

/// The specification of the disassembler's text for Zba, Zbb, Zbs, Zbc and Zicond.
/// Generated once with `riscv64-linux-gnu-objdump -d -M no-aliases` (binutils 2.40) from assembled
/// sources, with operands separated by ", " and shift amounts in hex (the `slli` convention);
/// czero.eqz/czero.nez, which binutils 2.40 does not know, were assembled with `.insn`.
let bitManipulationDisassemblyTable: [(bits: UInt32, pc: UInt64, text: String)] = [
    (0x08c5853b, 0x80000000, "add.uw a0, a1, a2"),
    (0x0805853b, 0x80000004, "add.uw a0, a1, zero"),
    (0x20c5a533, 0x80000008, "sh1add a0, a1, a2"),
    (0x207342b3, 0x8000000c, "sh2add t0, t1, t2"),
    (0x2124e433, 0x80000010, "sh3add s0, s1, s2"),
    (0x20c5a53b, 0x80000014, "sh1add.uw a0, a1, a2"),
    (0x20c5c53b, 0x80000018, "sh2add.uw a0, a1, a2"),
    (0x20c5e53b, 0x8000001c, "sh3add.uw a0, a1, a2"),
    (0x0805951b, 0x80000020, "slli.uw a0, a1, 0x0"),
    (0x0bf5951b, 0x80000024, "slli.uw a0, a1, 0x3f"),
    (0x40c5f533, 0x80000028, "andn a0, a1, a2"),
    (0x40c5e533, 0x8000002c, "orn a0, a1, a2"),
    (0x40c5c533, 0x80000030, "xnor a0, a1, a2"),
    (0x60059513, 0x80000034, "clz a0, a1"),
    (0x60159513, 0x80000038, "ctz a0, a1"),
    (0x60259513, 0x8000003c, "cpop a0, a1"),
    (0x6005951b, 0x80000040, "clzw a0, a1"),
    (0x6015951b, 0x80000044, "ctzw a0, a1"),
    (0x6025951b, 0x80000048, "cpopw a0, a1"),
    (0x60459513, 0x8000004c, "sext.b a0, a1"),
    (0x60559513, 0x80000050, "sext.h a0, a1"),
    (0x0805c53b, 0x80000054, "zext.h a0, a1"),
    (0x0ac5c533, 0x80000058, "min a0, a1, a2"),
    (0x0ac5d533, 0x8000005c, "minu a0, a1, a2"),
    (0x0ac5e533, 0x80000060, "max a0, a1, a2"),
    (0x0ac5f533, 0x80000064, "maxu a0, a1, a2"),
    (0x60c59533, 0x80000068, "rol a0, a1, a2"),
    (0x60c5d533, 0x8000006c, "ror a0, a1, a2"),
    (0x63f5d513, 0x80000070, "rori a0, a1, 0x3f"),
    (0x6015d513, 0x80000074, "rori a0, a1, 0x1"),
    (0x60c5953b, 0x80000078, "rolw a0, a1, a2"),
    (0x60c5d53b, 0x8000007c, "rorw a0, a1, a2"),
    (0x61f5d51b, 0x80000080, "roriw a0, a1, 0x1f"),
    (0x2875d513, 0x80000084, "orc.b a0, a1"),
    (0x6b85d513, 0x80000088, "rev8 a0, a1"),
    (0x48c59533, 0x8000008c, "bclr a0, a1, a2"),
    (0x48c5d533, 0x80000090, "bext a0, a1, a2"),
    (0x68c59533, 0x80000094, "binv a0, a1, a2"),
    (0x28c59533, 0x80000098, "bset a0, a1, a2"),
    (0x4bf59513, 0x8000009c, "bclri a0, a1, 0x3f"),
    (0x4a05d513, 0x800000a0, "bexti a0, a1, 0x20"),
    (0x68559513, 0x800000a4, "binvi a0, a1, 0x5"),
    (0x28059513, 0x800000a8, "bseti a0, a1, 0x0"),
    (0x0ac59533, 0x800000ac, "clmul a0, a1, a2"),
    (0x0ac5a533, 0x800000b0, "clmulr a0, a1, a2"),
    (0x0ac5b533, 0x800000b4, "clmulh a0, a1, a2"),
    (0x0ec5d533, 0x800000b8, "czero.eqz a0, a1, a2"),
    (0x0ec5f533, 0x800000bc, "czero.nez a0, a1, a2"),
]

@Test func disassemblesBitManipulation() {
    for entry in bitManipulationDisassemblyTable {
        #expect(Disassembler.disassemble(entry.bits, pc: entry.pc) == entry.text,
                "bits 0x\(String(entry.bits, radix: 16)) at 0x\(String(entry.pc, radix: 16))")
    }
}

/// Neighbours of the bit-manipulation encodings that stay reserved.
@Test func reservedNeighboursOfBitManipulationAreUnknown() {
    for bits: UInt32 in [
        0x0815c53b,  // zext.h with rs2 = 1
        0x0805d53b,  // zext.h's encoding with funct3 5
        0x6035_9513, // clz's neighbour imm 0x603
        0x2885d513,  // orc.b's neighbour imm 0x288
        0x6b95d513,  // rev8's neighbour imm 0x6b9
        0x63f5951b,  // roriw-like shift with imm[5] set (OP-IMM-32, funct3 1)
        0x63f5d51b,  // roriw with shamt bit 5 set
        0x0ec5c533,  // czero's funct7 with funct3 4
    ] {
        #expect(Disassembler.disassemble(bits, pc: 0).hasPrefix("unknown"), "0x\(String(bits, radix: 16))")
    }
}
