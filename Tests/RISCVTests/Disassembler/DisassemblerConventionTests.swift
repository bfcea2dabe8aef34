import Testing
import RISCV

/// Reserved encodings and the places where the disassembler deliberately differs from objdump
/// (see `Disassembler`'s documentation). Hand-written; this table is the spec.
let conventionDisassemblyTable: [(bits: UInt32, pc: UInt64, text: String)] = [
    (0x0000_0000, 0x8000_0000, "unknown 0x0000"),
    (0xffff_ffff, 0x8000_0000, "unknown 0xffffffff"),
    (0x0000_0001, 0x8000_0000, "c.nop"),
    (0x0000_8000, 0x8000_0000, "unknown 0x8000"),
    (0x0000_6101, 0x8000_0000, "unknown 0x6101"),
    (0x0000_6501, 0x8000_0000, "unknown 0x6501"),
    (0x0000_2001, 0x8000_0000, "unknown 0x2001"),
    (0x0000_4002, 0x8000_0000, "unknown 0x4002"),
    (0x0000_6002, 0x8000_0000, "unknown 0x6002"),
    (0x0000_8002, 0x8000_0000, "unknown 0x8002"),
    (0x0000_9d41, 0x8000_0000, "unknown 0x9d41"),
    (0x0000_9d61, 0x8000_0000, "unknown 0x9d61"),
    (0x0000_4015, 0x8000_0000, "c.li zero, 5"),
    (0x0000_0002, 0x8000_0000, "c.slli zero, 0x0"),
    (0x0000_000f, 0x8000_0000, "fence 0, 0"),
    (0x00c5_d553, 0x8000_0000, "unknown 0x00c5d553"),
    (0x00c5_e553, 0x8000_0000, "unknown 0x00c5e553"),
    (0xd205_1553, 0x8000_0000, "fcvt.d.w fa0, a0"),
    (0x4205_f553, 0x8000_0000, "fcvt.d.s fa0, fa1"),
    (0x0400_0053, 0x8000_0000, "unknown 0x04000053"),
    (0x1015_a52f, 0x8000_0000, "unknown 0x1015a52f"),
    (0x0000_4073, 0x8000_0000, "unknown 0x00004073"),
    (0x0020_0073, 0x8000_0000, "unknown 0x00200073"),
    (0x2000_5013, 0x8000_0000, "unknown 0x20005013"),
    (0x0200_1013, 0x8000_0000, "slli zero, zero, 0x20"),
    (0x0200_101b, 0x8000_0000, "unknown 0x0200101b"),
    (0x0000_7003, 0x8000_0000, "unknown 0x00007003"),
    (0x0000_4023, 0x8000_0000, "unknown 0x00004023"),
    (0x0000_2063, 0x8000_0000, "unknown 0x00002063"),
    (0x0000_006f, 0xffff_ffff_ffff_fffc, "jal zero, 0xfffffffffffffffc"),
    (0x0080_006f, 0xffff_ffff_ffff_fffc, "jal zero, 0x4"),
    (0x0000_a005, 0x8000_0000, "c.j 0x80000020"),
]

@Test func disassemblesReservedEncodingsAndConventions() {
    for entry in conventionDisassemblyTable {
        #expect(Disassembler.disassemble(entry.bits, pc: entry.pc) == entry.text,
                "bits 0x\(String(entry.bits, radix: 16))")
    }
}

@Test func compressedInstructionIgnoresTheUpperHalfword() {
    #expect(Disassembler.disassemble(0xdead_1141, pc: 0) == "c.addi sp, -16")
}

@Test func everyCompressedEncodingIsNamedOrUnknown() {
    for half in UInt32(0)...0xffff where half & 3 != 3 {
        let text = Disassembler.disassemble(half, pc: 0x8000_0000)
        #expect(text.hasPrefix("c.") || text == "unknown 0x" + hex4(half), "0x\(hex4(half)): \(text)")
    }
}

private func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 4 - digits.count) + digits
}
