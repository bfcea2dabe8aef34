import Testing
import RISCV

/// The specification of the disassembler's text for the M extension.
/// Generated once with `riscv64-linux-gnu-objdump -D -b binary -m riscv:rv64 -M no-aliases
/// --adjust-vma=0x80000000` (binutils 2.40) from assembled sources, with operands separated by ", ";
/// from now on this table, not objdump, is the spec.
let mDisassemblyTable: [(bits: UInt32, pc: UInt64, text: String)] = [
    (0x02c58533, 0x80000000, "mul a0, a1, a2"),
    (0x02c59533, 0x80000004, "mulh a0, a1, a2"),
    (0x02c5a533, 0x80000008, "mulhsu a0, a1, a2"),
    (0x02c5b533, 0x8000000c, "mulhu a0, a1, a2"),
    (0x02c5c533, 0x80000010, "div a0, a1, a2"),
    (0x02c5d533, 0x80000014, "divu a0, a1, a2"),
    (0x02c5e533, 0x80000018, "rem a0, a1, a2"),
    (0x02c5f533, 0x8000001c, "remu a0, a1, a2"),
    (0x027302bb, 0x80000020, "mulw t0, t1, t2"),
    (0x027342bb, 0x80000024, "divw t0, t1, t2"),
    (0x027352bb, 0x80000028, "divuw t0, t1, t2"),
    (0x027362bb, 0x8000002c, "remw t0, t1, t2"),
    (0x027372bb, 0x80000030, "remuw t0, t1, t2"),
]

@Test func disassemblesM() {
    for entry in mDisassemblyTable {
        #expect(Disassembler.disassemble(entry.bits, pc: entry.pc) == entry.text,
                "bits 0x\(String(entry.bits, radix: 16)) at 0x\(String(entry.pc, radix: 16))")
    }
}
