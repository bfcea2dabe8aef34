# M-mode interrupts from the CLINT: a software interrupt (msip) pending but masked by mstatus.MIE,
# then taken right after the csrs that enables it, and right after the store that raises it;
# a timer interrupt (mtimecmp) arriving while the program spins; mcause with the interrupt bit
# and mepc; the time CSR against mtime; vectored mtvec; the priority of MSI over MTI.
#include "isa_test.h"
#include "clint.h"

TEST_BEGIN
        la t0, handler
        csrw mtvec, t0
        li s2, 0
        li s5, 0

        # msip pending, MIE = 0: nothing is taken
        li TESTNUM, 2
        li t0, MIP_MSIP
        csrw mie, t0
        li t1, CLINT_MSIP
        li t0, 1
        sw t0, 0(t1)
        nop
        bnez s2, fail
        csrr t0, mip
        andi t0, t0, MIP_MSIP
        beqz t0, fail

        # setting MIE takes it before the next instruction
        li TESTNUM, 3
        csrsi mstatus, MSTATUS_MIE
after_enable:
        li t6, CAUSE_MSI
        bne s2, t6, fail
        la t6, after_enable
        bne s3, t6, fail
        csrr t0, mip
        andi t0, t0, MIP_MSIP
        bnez t0, fail
        csrr t0, mstatus
        andi t0, t0, MSTATUS_MIE
        beqz t0, fail

        # a store to msip with MIE = 1: taken right after the store
        li TESTNUM, 4
        li s2, 0
        li t1, CLINT_MSIP
        li t0, 1
        sw t0, 0(t1)
after_store:
        li t6, CAUSE_MSI
        bne s2, t6, fail
        la t6, after_store
        bne s3, t6, fail

        # mtimecmp = mtime + 20: the interrupt comes after about 200 instructions of spinning
        li TESTNUM, 5
        li s2, 0
        li t0, MIP_MTIP
        csrw mie, t0
        li t1, CLINT_MTIME
        ld t2, 0(t1)
        addi t2, t2, 20
        li t1, CLINT_MTIMECMP
        sd t2, 0(t1)
        li t3, 0
1:      addi t3, t3, 1
        beqz s2, 1b
        li t6, CAUSE_MTI
        bne s2, t6, fail
        li t6, 60
        bltu t3, t6, fail
        li t6, 110
        bgeu t3, t6, fail

        # the time CSR reads mtime
        li TESTNUM, 6
        csrr t0, time
        li t1, CLINT_MTIME
        ld t2, 0(t1)
        bltu t2, t0, fail
        sub t2, t2, t0
        li t6, 2
        bgeu t2, t6, fail

        # vectored mtvec: the software interrupt enters at base + 4 * 3
        li TESTNUM, 7
        la t0, vectors
        ori t0, t0, 1
        csrw mtvec, t0
        li s4, -1
        li s2, 0
        li t0, MIP_MSIP
        csrw mie, t0
        li t1, CLINT_MSIP
        li t0, 1
        sw t0, 0(t1)
        li t6, 3
        bne s4, t6, fail
        li t6, CAUSE_MSI
        bne s2, t6, fail

        # MSI and MTI both pending: MSI first, then MTI (the handler logs codes into s5)
        li TESTNUM, 8
        la t0, handler
        csrw mtvec, t0
        csrci mstatus, MSTATUS_MIE
        li s5, 0
        li t1, CLINT_MSIP
        li t0, 1
        sw t0, 0(t1)
        li t1, CLINT_MTIMECMP
        sd zero, 0(t1)
        li t0, MIP_MSIP | MIP_MTIP
        csrw mie, t0
        csrsi mstatus, MSTATUS_MIE
        li t6, 0x37
        bne s5, t6, fail
        csrw mie, zero
TEST_END

        # Records mcause in s2, mepc in s3, appends the code to s5, and silences the source.
        .balign 4
handler:
        csrr s2, mcause
        csrr s3, mepc
        slli s5, s5, 4
        andi t5, s2, 0xf
        or s5, s5, t5
        li t5, CAUSE_MSI
        bne s2, t5, 1f
        li t4, CLINT_MSIP
        sw zero, 0(t4)
        mret
1:      li t5, CAUSE_MTI
        bne s2, t5, fail
        li t4, CLINT_MTIMECMP
        li t5, -1
        sd t5, 0(t4)
        mret

        # Vectored entry (4-byte slots): slot n records n in s4, then the common handler runs.
        .balign 4
        .option push
        .option norvc
vectors:
        j unexpected_trap
        j fail
        j fail
        j vector3
        j fail
        j fail
        j fail
        j fail
        .option pop
vector3:
        li s4, 3
        j handler
