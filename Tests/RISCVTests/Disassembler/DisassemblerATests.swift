import Testing
import RISCV

/// The specification of the disassembler's text for the A extension, every ordering of lr/sc and every AMO.
/// Generated once with `riscv64-linux-gnu-objdump -D -b binary -m riscv:rv64 -M no-aliases
/// --adjust-vma=0x80000000` (binutils 2.40) from assembled sources, with operands separated by ", ";
/// from now on this table, not objdump, is the spec.
let aDisassemblyTable: [(bits: UInt32, pc: UInt64, text: String)] = [
    (0x1005a52f, 0x80000000, "lr.w a0, (a1)"),
    (0x18c5a52f, 0x80000004, "sc.w a0, a2, (a1)"),
    (0x1405a52f, 0x80000008, "lr.w.aq a0, (a1)"),
    (0x1cc5a52f, 0x8000000c, "sc.w.aq a0, a2, (a1)"),
    (0x1205a52f, 0x80000010, "lr.w.rl a0, (a1)"),
    (0x1ac5a52f, 0x80000014, "sc.w.rl a0, a2, (a1)"),
    (0x1605a52f, 0x80000018, "lr.w.aqrl a0, (a1)"),
    (0x1ec5a52f, 0x8000001c, "sc.w.aqrl a0, a2, (a1)"),
    (0x086122af, 0x80000020, "amoswap.w t0, t1, (sp)"),
    (0x046122af, 0x80000024, "amoadd.w.aq t0, t1, (sp)"),
    (0x226122af, 0x80000028, "amoxor.w.rl t0, t1, (sp)"),
    (0x666122af, 0x8000002c, "amoand.w.aqrl t0, t1, (sp)"),
    (0x406122af, 0x80000030, "amoor.w t0, t1, (sp)"),
    (0x846122af, 0x80000034, "amomin.w.aq t0, t1, (sp)"),
    (0xa26122af, 0x80000038, "amomax.w.rl t0, t1, (sp)"),
    (0xc66122af, 0x8000003c, "amominu.w.aqrl t0, t1, (sp)"),
    (0xe06122af, 0x80000040, "amomaxu.w t0, t1, (sp)"),
    (0x1005b52f, 0x80000044, "lr.d a0, (a1)"),
    (0x18c5b52f, 0x80000048, "sc.d a0, a2, (a1)"),
    (0x1405b52f, 0x8000004c, "lr.d.aq a0, (a1)"),
    (0x1cc5b52f, 0x80000050, "sc.d.aq a0, a2, (a1)"),
    (0x1205b52f, 0x80000054, "lr.d.rl a0, (a1)"),
    (0x1ac5b52f, 0x80000058, "sc.d.rl a0, a2, (a1)"),
    (0x1605b52f, 0x8000005c, "lr.d.aqrl a0, (a1)"),
    (0x1ec5b52f, 0x80000060, "sc.d.aqrl a0, a2, (a1)"),
    (0x086132af, 0x80000064, "amoswap.d t0, t1, (sp)"),
    (0x046132af, 0x80000068, "amoadd.d.aq t0, t1, (sp)"),
    (0x226132af, 0x8000006c, "amoxor.d.rl t0, t1, (sp)"),
    (0x666132af, 0x80000070, "amoand.d.aqrl t0, t1, (sp)"),
    (0x406132af, 0x80000074, "amoor.d t0, t1, (sp)"),
    (0x846132af, 0x80000078, "amomin.d.aq t0, t1, (sp)"),
    (0xa26132af, 0x8000007c, "amomax.d.rl t0, t1, (sp)"),
    (0xc66132af, 0x80000080, "amominu.d.aqrl t0, t1, (sp)"),
    (0xe06132af, 0x80000084, "amomaxu.d t0, t1, (sp)"),
]

@Test func disassemblesA() {
    for entry in aDisassemblyTable {
        #expect(Disassembler.disassemble(entry.bits, pc: entry.pc) == entry.text,
                "bits 0x\(String(entry.bits, radix: 16)) at 0x\(String(entry.pc, radix: 16))")
    }
}
