# Traps and privilege changes in M/S/U without paging: illegal instructions (32- and 16-bit) with
# their bits in mtval, ecall from each mode (causes 11, 9, 8), ebreak, mret into S and U with the
# MPP/MPIE bookkeeping, privileged CSRs and instructions refused below M, mepc bit 0, and a
# U-mode ecall delegated through medeleg to an S-mode handler that returns with sret.
#include "isa_test.h"

/* From M: continue at `label` in the mode whose MPP field value is `mpp`. */
.macro ENTER_MODE mpp, label
        li t0, MSTATUS_MPP
        csrc mstatus, t0
        li t0, \mpp << 11
        csrs mstatus, t0
        la t0, \label
        csrw mepc, t0
        mret
.endm


/* Like EXPECT_TRAP, with machine_handler (which can also leave to M) as mtvec. */
.macro EXPECT
        SET_MTVEC machine_handler
        li s2, -1
        li s3, -1
        li s4, -1
.endm

TEST_BEGIN
        .option push
        .option norvc
        li s6, 0
        EXPECT
illegal32:
        .word 0xfe000033
        CHECK_TRAP 2, CAUSE_ILLEGAL_INSTRUCTION, 0xfe000033, illegal32

        EXPECT
illegal16:
        .half 0x4002            # c.lwsp zero, 0(sp): reserved
        .half 0x0001            # c.nop, skipped with it
        CHECK_TRAP 3, CAUSE_ILLEGAL_INSTRUCTION, 0x4002, illegal16

        EXPECT
illegal_zero:
        .half 0x0000
        .half 0x0001
        CHECK_TRAP 4, CAUSE_ILLEGAL_INSTRUCTION, 0, illegal_zero

        EXPECT
ecall_m:
        ecall
        CHECK_TRAP 5, CAUSE_MACHINE_ECALL, 0, ecall_m

        EXPECT
ebreak_m:
        ebreak
        li TESTNUM, 6
        li t6, CAUSE_BREAKPOINT
        bne s2, t6, fail
        la t6, ebreak_m
        bne s4, t6, fail

        # mepc drops bit 0
        li TESTNUM, 7
        la t0, ebreak_m + 1
        csrw mepc, t0
        csrr t1, mepc
        la t6, ebreak_m
        bne t1, t6, fail

        # into S-mode: ecall is cause 9 and the trap records MPP = S
        li TESTNUM, 8
        EXPECT
        li t0, MSTATUS_MPIE | MSTATUS_MIE
        csrc mstatus, t0
        li t0, MSTATUS_MPIE
        csrs mstatus, t0
        ENTER_MODE 1, in_supervisor
in_supervisor:
        # mret set MIE = old MPIE (1), MPIE = 1 and MPP = U
        csrr t0, sstatus
ecall_s:
        ecall
        CHECK_TRAP 9, CAUSE_SUPERVISOR_ECALL, 0, ecall_s
        # back in S after record_trap's mret: S may use its own CSRs
        li TESTNUM, 10
        li t0, 0x77
        csrw sscratch, t0
        csrr t1, sscratch
        bne t0, t1, fail
read_mstatus_s:
        csrr t1, mstatus
        CHECK_TRAP 11, CAUSE_ILLEGAL_INSTRUCTION, 0x30002373, read_mstatus_s
        li s2, -1
mret_s:
        mret
        CHECK_TRAP 12, CAUSE_ILLEGAL_INSTRUCTION, 0x30200073, mret_s
        la s5, check_mpp_s
        li s6, 1
        ecall
        j fail

        # back in M via machine_handler
check_mpp_s:
        li TESTNUM, 13
        csrr t0, mstatus
        srli t1, t0, 11
        andi t1, t1, 3
        li t6, 1
        bne t1, t6, fail

        # into U-mode: ecall is cause 8; S CSRs, sret, mret and sfence.vma are illegal
        li TESTNUM, 14
        EXPECT
        ENTER_MODE 0, in_user
in_user:
ecall_u:
        ecall
        CHECK_TRAP 15, CAUSE_USER_ECALL, 0, ecall_u
read_sscratch_u:
        csrr t1, sscratch
        CHECK_TRAP 16, CAUSE_ILLEGAL_INSTRUCTION, 0x14002373, read_sscratch_u
sret_u:
        sret
        CHECK_TRAP 17, CAUSE_ILLEGAL_INSTRUCTION, 0x10200073, sret_u
sfence_u:
        sfence.vma
        CHECK_TRAP 18, CAUSE_ILLEGAL_INSTRUCTION, 0x12000073, sfence_u
        la s5, check_mpp_u
        li s6, 1
        ecall

check_mpp_u:
        li TESTNUM, 19
        csrr t0, mstatus
        li t1, MSTATUS_MPP
        and t0, t0, t1
        bnez t0, fail

        # after mret, MPP reads U and MPIE reads 1
        li TESTNUM, 20
        la s5, check_after_mret
        li s6, 1
        ENTER_MODE 3, machine_again
machine_again:
        csrr t0, mstatus
        li t1, MSTATUS_MPP
        and t2, t0, t1
        bnez t2, fail
        li t1, MSTATUS_MPIE
        and t2, t0, t1
        beqz t2, fail
check_after_mret:

        # a U-mode ecall delegated to S: scause 8, sepc at the ecall, SPP = U; sret returns to U
        li TESTNUM, 21
        li t0, 1 << CAUSE_USER_ECALL
        csrw medeleg, t0
        la t0, supervisor_handler
        csrw stvec, t0
        li s7, 0
        la s5, after_delegation
        li s6, 1
        ENTER_MODE 0, user_delegated
user_delegated:
delegated_ecall:
        ecall
        # sret brought us back here in U; the second ecall makes the handler leave to M
        li s7, 1
        ecall
        j fail
after_delegation:
        li TESTNUM, 22
        csrw medeleg, zero
        li t6, 2
        bne s7, t6, fail
        li t6, CAUSE_USER_ECALL
        bne s8, t6, fail
        la t6, delegated_ecall
        bne s9, t6, fail
        .option pop
TEST_END

        .balign 4
        .option push
        .option norvc
        # M-mode handler: with s6 = 1 it resumes at s5 in M-mode (the way back from S and U);
        # otherwise it records the trap like record_trap and returns past the instruction
machine_handler:
        beqz s6, record_trap
        li s6, 0
        jr s5

        .balign 4
        # S-mode handler for the delegated U ecall
supervisor_handler:
        bnez s7, supervisor_second
        csrr s8, scause
        csrr s9, sepc
        csrr t0, sstatus
        andi t0, t0, MSTATUS_SPP
        bnez t0, fail
        addi t0, s9, 4
        csrw sepc, t0
        sret
supervisor_second:
        li s7, 2
        ecall                   # from S, not delegated: goes to machine_handler
        .option pop
        TRAP_RECORDER
