import Testing
import RISCV

/// The specification of the disassembler's text for the CSR instructions and every CSR name.
/// Generated once with `riscv64-linux-gnu-objdump -D -b binary -m riscv:rv64 -M no-aliases
/// --adjust-vma=0x80000000` (binutils 2.40) from assembled sources, with operands separated by ", ";
/// from now on this table, not objdump, is the spec.
let zicsrDisassemblyTable: [(bits: UInt32, pc: UInt64, text: String)] = [
    (0x30529073, 0x80000000, "csrrw zero, mtvec, t0"),
    (0x30002573, 0x80000004, "csrrs a0, mstatus, zero"),
    (0x3045b573, 0x80000008, "csrrc a0, mie, a1"),
    (0x340fd073, 0x8000000c, "csrrwi zero, mscratch, 31"),
    (0x10016573, 0x80000010, "csrrsi a0, sstatus, 2"),
    (0x10407573, 0x80000014, "csrrci a0, sie, 0"),
    (0x00102573, 0x80000018, "csrrs a0, fflags, zero"),
    (0x00259573, 0x8000001c, "csrrw a0, frm, a1"),
    (0x00302573, 0x80000020, "csrrs a0, fcsr, zero"),
    (0xc0002573, 0x80000024, "csrrs a0, cycle, zero"),
    (0xc0102573, 0x80000028, "csrrs a0, time, zero"),
    (0xc0202573, 0x8000002c, "csrrs a0, instret, zero"),
    (0xc0302573, 0x80000030, "csrrs a0, hpmcounter3, zero"),
    (0xc1f02573, 0x80000034, "csrrs a0, hpmcounter31, zero"),
    (0x10559573, 0x80000038, "csrrw a0, stvec, a1"),
    (0x10659573, 0x8000003c, "csrrw a0, scounteren, a1"),
    (0x10a59573, 0x80000040, "csrrw a0, senvcfg, a1"),
    (0x14059573, 0x80000044, "csrrw a0, sscratch, a1"),
    (0x14159573, 0x80000048, "csrrw a0, sepc, a1"),
    (0x14259573, 0x8000004c, "csrrw a0, scause, a1"),
    (0x14359573, 0x80000050, "csrrw a0, stval, a1"),
    (0x14459573, 0x80000054, "csrrw a0, sip, a1"),
    (0x18059573, 0x80000058, "csrrw a0, satp, a1"),
    (0xf1102573, 0x8000005c, "csrrs a0, mvendorid, zero"),
    (0xf1202573, 0x80000060, "csrrs a0, marchid, zero"),
    (0xf1302573, 0x80000064, "csrrs a0, mimpid, zero"),
    (0xf1402573, 0x80000068, "csrrs a0, mhartid, zero"),
    (0xf1502573, 0x8000006c, "csrrs a0, mconfigptr, zero"),
    (0x30159573, 0x80000070, "csrrw a0, misa, a1"),
    (0x30259573, 0x80000074, "csrrw a0, medeleg, a1"),
    (0x30359573, 0x80000078, "csrrw a0, mideleg, a1"),
    (0x30659573, 0x8000007c, "csrrw a0, mcounteren, a1"),
    (0x30a59573, 0x80000080, "csrrw a0, menvcfg, a1"),
    (0x32059573, 0x80000084, "csrrw a0, mcountinhibit, a1"),
    (0x32359573, 0x80000088, "csrrw a0, mhpmevent3, a1"),
    (0x33f59573, 0x8000008c, "csrrw a0, mhpmevent31, a1"),
    (0x34159573, 0x80000090, "csrrw a0, mepc, a1"),
    (0x34259573, 0x80000094, "csrrw a0, mcause, a1"),
    (0x34359573, 0x80000098, "csrrw a0, mtval, a1"),
    (0x34459573, 0x8000009c, "csrrw a0, mip, a1"),
    (0x3a059573, 0x800000a0, "csrrw a0, pmpcfg0, a1"),
    (0x3af59573, 0x800000a4, "csrrw a0, pmpcfg15, a1"),
    (0x3b059573, 0x800000a8, "csrrw a0, pmpaddr0, a1"),
    (0x3ef59573, 0x800000ac, "csrrw a0, pmpaddr63, a1"),
    (0xb0059573, 0x800000b0, "csrrw a0, mcycle, a1"),
    (0xb0259573, 0x800000b4, "csrrw a0, minstret, a1"),
    (0xb0359573, 0x800000b8, "csrrw a0, mhpmcounter3, a1"),
    (0xb1f59573, 0x800000bc, "csrrw a0, mhpmcounter31, a1"),
    (0x7a059573, 0x800000c0, "csrrw a0, tselect, a1"),
    (0x7a159573, 0x800000c4, "csrrw a0, tdata1, a1"),
    (0x7a259573, 0x800000c8, "csrrw a0, tdata2, a1"),
    (0x7a359573, 0x800000cc, "csrrw a0, tdata3, a1"),
    (0x7b059573, 0x800000d0, "csrrw a0, dcsr, a1"),
    (0x7b159573, 0x800000d4, "csrrw a0, dpc, a1"),
    (0x7b259573, 0x800000d8, "csrrw a0, dscratch0, a1"),
    (0x7b359573, 0x800000dc, "csrrw a0, dscratch1, a1"),
    (0x7c002573, 0x800000e0, "csrrs a0, 0x7c0, zero"),
    (0xfff02573, 0x800000e4, "csrrs a0, 0xfff, zero"),
]

@Test func disassemblesZicsr() {
    for entry in zicsrDisassemblyTable {
        #expect(Disassembler.disassemble(entry.bits, pc: entry.pc) == entry.text,
                "bits 0x\(String(entry.bits, radix: 16)) at 0x\(String(entry.pc, radix: 16))")
    }
}
