# wfi: with a timer armed and MIE = 0 it returns once mtime has reached mtimecmp (the hart skips
# the wait, so mtime jumps there) and execution goes on after it; with MIE = 1 the timer
# interrupt is taken after it (mepc = the next instruction); with an interrupt already pending
# and enabled in mie it returns at once (mtime does not jump); in S-mode with mstatus.TW it is an
# illegal instruction.
#include "isa_test.h"
#include "clint.h"

TEST_BEGIN
        # MIE = 0: wfi waits for the timer, then execution goes on
        li TESTNUM, 2
        li t0, MIP_MTIP
        csrw mie, t0
        li t1, CLINT_MTIME
        ld t2, 0(t1)
        li t3, 100000
        add t2, t2, t3
        li t1, CLINT_MTIMECMP
        sd t2, 0(t1)
        wfi
        li t1, CLINT_MTIME
        ld t4, 0(t1)
        bltu t4, t2, fail
        csrr t0, mip
        andi t0, t0, MIP_MTIP
        beqz t0, fail

        # MIE = 1: the interrupt is taken right after the wfi
        li TESTNUM, 3
        la t0, handler
        csrw mtvec, t0
        li s2, 0
        ld t2, 0(t1)
        addi t2, t2, 500
        li t1, CLINT_MTIMECMP
        sd t2, 0(t1)
        csrsi mstatus, MSTATUS_MIE
        wfi
after_wfi:
        li t6, CAUSE_MTI
        bne s2, t6, fail
        la t6, after_wfi
        bne s3, t6, fail
        csrci mstatus, MSTATUS_MIE

        # a pending, enabled (but globally masked) interrupt: wfi returns at once
        li TESTNUM, 4
        li t0, MIP_SSIP
        csrw mie, t0
        csrsi mip, MIP_SSIP
        li t1, CLINT_MTIME
        ld t2, 0(t1)
        wfi
        ld t3, 0(t1)
        sub t3, t3, t2
        li t6, 2
        bgeu t3, t6, fail
        csrci mip, MIP_SSIP
        csrw mie, zero

        # S-mode with mstatus.TW: illegal instruction
        li TESTNUM, 5
        EXPECT_TRAP
        li t0, MSTATUS_TW | MSTATUS_MPP_S
        csrs mstatus, t0
        la t0, s_code
        csrw mepc, t0
        mret
s_code:
s_wfi:
        wfi
        CHECK_TRAP 6, CAUSE_ILLEGAL_INSTRUCTION, 0x10500073, s_wfi
TEST_END

        # mcause in s2, mepc in s3; disarms the timer.
        .balign 4
handler:
        csrr s2, mcause
        csrr s3, mepc
        li t4, CLINT_MTIMECMP
        li t5, -1
        sd t5, 0(t4)
        mret

        TRAP_RECORDER
