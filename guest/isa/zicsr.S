# Zicsr: csrrw/csrrs/csrrc and their immediate forms (old value in rd, exact read-modify-write),
# rs1 = x0 / uimm = 0 forms that do not write, read-only and unknown CSRs trapping as illegal
# instructions with the instruction bits in mtval, machine information CSRs, counters, the
# sstatus view of mstatus, satp accepting only modes 0 and 8, counter writes taking precedence
# over the writer's increment, mcountinhibit, and the trigger CSRs' "no triggers" answer.
#include "isa_test.h"

TEST_BEGIN
        .option push
        .option norvc
        li TESTNUM, 2
        li t0, 0x1234
        csrw mscratch, t0
        li t1, 0x0ff0
        csrrw t2, mscratch, t1
        li t6, 0x1234
        bne t2, t6, fail
        csrr t3, mscratch
        bne t3, t1, fail

        li TESTNUM, 3
        li t1, 0xf00f
        csrrs t2, mscratch, t1
        li t6, 0x0ff0
        bne t2, t6, fail
        csrr t3, mscratch
        li t6, 0xfff0 | 0xf
        bne t3, t6, fail

        li TESTNUM, 4
        li t1, 0x00ff
        csrrc t2, mscratch, t1
        csrr t3, mscratch
        li t6, 0xff00
        bne t3, t6, fail

        li TESTNUM, 5
        csrrwi t2, mscratch, 31
        li t6, 0xff00
        bne t2, t6, fail
        csrrsi t2, mscratch, 0x40 >> 2
        csrr t3, mscratch
        li t6, 31 | 0x10
        bne t3, t6, fail
        csrrci t2, mscratch, 1
        csrr t3, mscratch
        li t6, 30 | 0x10
        bne t3, t6, fail

        # rd = x0 still writes; rs1 = x0 and uimm = 0 read without writing
        li TESTNUM, 6
        li t1, -1
        csrrw zero, mscratch, t1
        csrrs t2, mscratch, zero
        bne t2, t1, fail
        csrrci t2, mscratch, 0
        bne t2, t1, fail

        # read-only CSRs read fine with a non-writing form
        li TESTNUM, 7
        csrr t0, mhartid
        bnez t0, fail
        csrrsi t0, mvendorid, 0
        csrr t0, misa
        srli t1, t0, 62
        li t6, 2
        bne t1, t6, fail
        li t6, (1 << ('I' - 'A')) | (1 << ('M' - 'A')) | (1 << ('A' - 'A')) | (1 << ('C' - 'A')) | (1 << ('S' - 'A')) | (1 << ('U' - 'A'))
        and t1, t0, t6
        bne t1, t6, fail

        # instret and cycle count up
        li TESTNUM, 8
        csrr t0, instret
        nop
        nop
        csrr t1, instret
        bleu t1, t0, fail
        csrr t0, minstret
        csrr t1, minstret
        bleu t1, t0, fail
        csrr t0, cycle
        csrr t0, mcycle

        # writes to read-only CSRs are illegal instructions with the bits in mtval
        EXPECT_TRAP
write_mhartid:
        csrw mhartid, t0
        CHECK_TRAP 9, CAUSE_ILLEGAL_INSTRUCTION, 0xf1429073, write_mhartid
        EXPECT_TRAP
set_cycle:
        csrrs t1, cycle, t0
        CHECK_TRAP 10, CAUSE_ILLEGAL_INSTRUCTION, 0xc002a373, set_cycle
        EXPECT_TRAP
clear_mvendorid:
        csrrci t1, mvendorid, 1
        CHECK_TRAP 11, CAUSE_ILLEGAL_INSTRUCTION, 0xf110f373, clear_mvendorid
        # an unknown CSR is illegal too, even to read
        EXPECT_TRAP
read_unknown:
        csrr t1, 0x7ff
        CHECK_TRAP 12, CAUSE_ILLEGAL_INSTRUCTION, 0x7ff02373, read_unknown

        # sstatus is a view of mstatus: SIE and SUM show through, MPP does not
        SET_MTVEC unexpected_trap
        li TESTNUM, 13
        li t0, MSTATUS_MPP
        csrs mstatus, t0
        li t0, MSTATUS_SIE | MSTATUS_SUM
        csrs sstatus, t0
        csrr t1, mstatus
        and t2, t1, t0
        bne t2, t0, fail
        csrr t1, sstatus
        li t0, MSTATUS_MPP
        and t2, t1, t0
        bnez t2, fail
        li t0, MSTATUS_SIE | MSTATUS_SUM
        csrc mstatus, t0
        csrr t1, sstatus
        and t2, t1, t0
        bnez t2, fail

        # writable trap CSRs hold their values
        li TESTNUM, 14
        li t0, 0xb10c           # illegal, breakpoint, U ecall, page faults
        csrw medeleg, t0
        csrr t1, medeleg
        bne t1, t0, fail
        csrw medeleg, zero
        la t0, unexpected_trap
        csrw stvec, t0
        csrr t1, stvec
        bne t1, t0, fail
        li t0, 0x5a5a
        csrw sscratch, t0
        csrr t1, sscratch
        bne t1, t0, fail

        # satp: mode 8 (Sv39) is kept, mode 1 (Sv32) is ignored
        li TESTNUM, 15
        li t0, SATP_SV39 | 0x80123
        csrw satp, t0
        csrr t1, satp
        bne t1, t0, fail
        li t2, (1 << 60) | 0x80456
        csrw satp, t2
        csrr t1, satp
        bne t1, t0, fail
        csrw satp, zero
        csrr t1, satp
        bnez t1, fail

        # pmpcfg0 and pmpaddr0 accept writes
        li TESTNUM, 16
        li t0, -1
        csrw pmpaddr0, t0
        li t0, 0x1f
        csrw pmpcfg0, t0

        # the time counter is readable
        li TESTNUM, 17
        csrr t0, time

        # a counter write takes precedence over the writing instruction's own increment
        li TESTNUM, 18
        li t0, 100
        csrw minstret, t0
        csrr t1, minstret
        bne t1, t0, fail
        csrw minstret, t0
        csrr t1, instret
        bne t1, t0, fail
        csrw mcycle, t0
        csrr t1, mcycle
        bne t1, t0, fail
        csrw mcycle, t0
        csrr t1, cycle
        bne t1, t0, fail

        # mcountinhibit stops mcycle (CY) and minstret (IR); other bits read 0
        li TESTNUM, 19
        li t0, -1
        csrw mcountinhibit, t0
        csrr t1, mcountinhibit
        li t6, 5
        bne t1, t6, fail
        csrr t1, minstret
        nop
        csrr t2, minstret
        bne t1, t2, fail
        csrr t1, mcycle
        nop
        csrr t2, mcycle
        bne t1, t2, fail
        csrw mcountinhibit, zero
        csrr t1, minstret
        nop
        csrr t2, minstret
        addi t1, t1, 2
        bne t1, t2, fail

        # no triggers: tselect reads back 0 only, tdata1 reads type 0, tinfo = 1 (type 0 only)
        li TESTNUM, 20
        csrw tselect, zero
        csrr t1, tselect
        bnez t1, fail
        la t0, fail
        csrw tdata2, t0
        li t0, (2 << 60) | (1 << 6) | (1 << 2)
        csrw tdata1, t0
        csrr t1, tdata1
        bnez t1, fail
        li t0, 1
        csrw tselect, t0
        csrr t1, tselect
        bnez t1, fail
        csrr t1, tinfo
        li t6, 1
        bne t1, t6, fail
        .option pop
TEST_END
        TRAP_RECORDER
