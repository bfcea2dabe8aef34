/*
 * Checking macros of the ISA suite (GNU as macros). Each takes the check number first, sets
 * TESTNUM to it, and branches to `fail` when the checked value differs from the expected one.
 * Scratch registers: t0..t6.
 */
#ifndef TINYRV_ISA_CHECKS_H
#define TINYRV_ISA_CHECKS_H

/* reg == expected */
.macro CHECK_EQ num, reg, expected
        li TESTNUM, \num
        li t6, \expected
        bne \reg, t6, fail
.endm

/* op rd, rs1, rs2 with rs1 = a, rs2 = b gives expected; also checks rd = rs1 and rd = rs2 forms. */
.macro CHECK_RR num, op, expected, a, b
        li TESTNUM, \num
        li t6, \expected
        li t1, \a
        li t2, \b
        \op t3, t1, t2
        bne t3, t6, fail
        \op t1, t1, t2
        bne t1, t6, fail
        li t1, \a
        \op t2, t1, t2
        bne t2, t6, fail
.endm

/* op rd, rs1, imm with rs1 = a gives expected; also checks the rd = rs1 form. */
.macro CHECK_IMM num, op, expected, a, imm
        li TESTNUM, \num
        li t6, \expected
        li t1, \a
        \op t3, t1, \imm
        bne t3, t6, fail
        \op t1, t1, \imm
        bne t1, t6, fail
.endm

/* A write to x0 is dropped: op zero, rs1, rs2 leaves zero reading 0. */
.macro CHECK_RR_ZERO_DEST num, op, a, b
        li TESTNUM, \num
        li t1, \a
        li t2, \b
        \op zero, t1, t2
        bnez zero, fail
.endm

/* load rd, offset(base) reads expected. */
.macro CHECK_LOAD num, load, expected, offset, base
        li TESTNUM, \num
        li t6, \expected
        la t1, \base
        \load t3, \offset(t1)
        bne t3, t6, fail
.endm

/* store value at offset(base), then load reads expected. */
.macro CHECK_STORE num, load, store, value, expected, offset, base
        li TESTNUM, \num
        li t6, \expected
        la t1, \base
        li t2, \value
        \store t2, \offset(t1)
        \load t3, \offset(t1)
        bne t3, t6, fail
.endm

/* A branch with rs1 = a, rs2 = b is taken, both forward and backward. */
.macro CHECK_TAKEN num, branch, a, b
        li TESTNUM, \num
        li t1, \a
        li t2, \b
        \branch t1, t2, 2f
        j fail
1:      j 3f
2:      \branch t1, t2, 1b
        j fail
3:
.endm

/* A branch with rs1 = a, rs2 = b falls through, both forward and backward. */
.macro CHECK_NOT_TAKEN num, branch, a, b
        li TESTNUM, \num
        li t1, \a
        li t2, \b
        \branch t1, t2, 1f
        j 2f
1:      j fail
2:      \branch t1, t2, 1b
.endm

/* Points mtvec at `handler` (M-mode traps). */
.macro SET_MTVEC handler
        la t0, \handler
        csrw mtvec, t0
.endm

/*
 * Expected traps in M-mode. EXPECT_TRAP points mtvec at `record_trap` and clears s2..s4;
 * `record_trap` (emitted once by TRAP_RECORDER) stores mcause in s2, mtval in s3 and mepc in s4,
 * skips the 4-byte trapping instruction and returns. CHECK_TRAP then compares them.
 */
.macro EXPECT_TRAP
        SET_MTVEC record_trap
        li s2, -1
        li s3, -1
        li s4, -1
.endm

/* The last trap had cause `cause` and tval `tval`, and mepc pointed at `site`. */
.macro CHECK_TRAP num, cause, tval, site
        li TESTNUM, \num
        li t6, \cause
        bne s2, t6, fail
        li t6, \tval
        bne s3, t6, fail
        la t6, \site
        bne s4, t6, fail
.endm

.macro TRAP_RECORDER
        .balign 4
record_trap:
        csrr s2, mcause
        csrr s3, mtval
        csrr s4, mepc
        addi t0, s4, 4
        csrw mepc, t0
        mret
.endm

#endif
