# S-mode interrupts: a delegated supervisor software interrupt masked by sstatus.SIE in S-mode and
# taken once SIE is set; vectored stvec; the Sstc timer (stimecmp) delegated to S-mode; an M-level
# software interrupt preempting S-mode although mstatus.MIE = 0; a delegated interrupt taken in
# U-mode whatever SIE says; a delegated interrupt never taken in M-mode.
#include "isa_test.h"
#include "clint.h"

TEST_BEGIN
        la t0, m_handler
        csrw mtvec, t0
        la t0, s_handler
        csrw stvec, t0
        li s2, 0
        li s6, 0

        # delegated SSIP pending in M-mode with MIE and SIE set: never taken in M
        li TESTNUM, 2
        li t0, MIP_SSIP | MIP_STIP
        csrw mideleg, t0
        li t0, MIP_SSIP | MIP_STIP | MIP_MSIP
        csrw mie, t0
        csrsi mip, MIP_SSIP
        csrsi mstatus, MSTATUS_MIE | MSTATUS_SIE
        nop
        bnez s2, fail
        csrci mip, MIP_SSIP
        csrci mstatus, MSTATUS_MIE | MSTATUS_SIE

        # Sstc on, stimecmp readable from S (mcounteren.TM); enter S-mode
        li t0, MENVCFG_STCE
        csrs menvcfg, t0
        li t0, 2
        csrw mcounteren, t0
        li t0, -1
        csrw stimecmp, t0
        li t0, MSTATUS_MPP
        csrc mstatus, t0
        li t0, MSTATUS_MPP_S
        csrs mstatus, t0
        la t0, s_code
        csrw mepc, t0
        mret

s_code:
        # SSIP pending with SIE = 0 in S-mode: masked; setting SIE takes it
        li TESTNUM, 3
        csrsi sip, MIP_SSIP
        nop
        bnez s2, fail
        li TESTNUM, 4
        csrsi sstatus, MSTATUS_SIE
after_sie:
        li t6, CAUSE_SSI
        bne s2, t6, fail
        la t6, after_sie
        bne s3, t6, fail

        # vectored stvec: the software interrupt enters at base + 4 * 1
        li TESTNUM, 5
        la t0, s_vectors
        ori t0, t0, 1
        csrw stvec, t0
        li s4, -1
        li s2, 0
        csrsi sip, MIP_SSIP
        li t6, 1
        bne s4, t6, fail
        la t0, s_handler
        csrw stvec, t0

        # stimecmp = time + 20: a supervisor timer interrupt while spinning
        li TESTNUM, 6
        li s2, 0
        csrr t0, time
        addi t0, t0, 20
        csrw stimecmp, t0
1:      beqz s2, 1b
        li t6, CAUSE_STI
        bne s2, t6, fail

        # msip from S-mode with mstatus.MIE = 0: the M-level interrupt preempts S-mode
        li TESTNUM, 7
        li t1, CLINT_MSIP
        li t0, 1
        sw t0, 0(t1)
after_msip:
        li t6, CAUSE_MSI
        bne s6, t6, fail
        la t6, after_msip
        bne s7, t6, fail
        li t6, MSTATUS_MPP_S
        bne s8, t6, fail

        # SSIP pending, SIE = 0, sret to U-mode: taken in U at once (SPP = U in the handler)
        li TESTNUM, 8
        csrci sstatus, MSTATUS_SIE
        li s2, 0
        csrsi sip, MIP_SSIP
        li t0, MSTATUS_SPP | MSTATUS_SPIE
        csrc sstatus, t0
        la t0, u_code
        csrw sepc, t0
        sret
u_code:
        j fail
back_in_s:
        li t6, CAUSE_SSI
        bne s2, t6, fail
        la t6, u_code
        bne s3, t6, fail
TEST_END

        # S handler: scause in s2, sepc in s3; clears SSIP or disarms stimecmp; an interrupt
        # taken in U-mode goes on at back_in_s (in S-mode) instead of returning.
        .balign 4
s_handler:
        csrr s2, scause
        csrr s3, sepc
        li t5, CAUSE_SSI
        bne s2, t5, 1f
        csrci sip, MIP_SSIP
        j 2f
1:      li t5, CAUSE_STI
        bne s2, t5, fail
        li t5, -1
        csrw stimecmp, t5
2:      csrr t5, sstatus
        andi t5, t5, MSTATUS_SPP
        bnez t5, 3f
        la t5, back_in_s
        csrw sepc, t5
        li t5, MSTATUS_SPP
        csrs sstatus, t5
3:      sret

        # M handler: mcause in s6, mepc in s7, MPP in s8; clears msip. Anything else fails.
        .balign 4
m_handler:
        csrr s6, mcause
        csrr s7, mepc
        csrr s8, mstatus
        li t5, MSTATUS_MPP
        and s8, s8, t5
        li t5, CAUSE_MSI
        bne s6, t5, fail
        li t4, CLINT_MSIP
        sw zero, 0(t4)
        mret

        .balign 4
        .option push
        .option norvc
s_vectors:
        j fail
        j s_vector1
        j fail
        j fail
        j fail
        j fail
        .option pop
s_vector1:
        li s4, 1
        j s_handler
