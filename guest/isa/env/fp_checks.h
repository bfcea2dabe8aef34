/*
 * Checking macros for the F and D programs of the ISA suite (GNU as macros, after isa_test.h).
 * Operands and results are bit patterns: singles as 32-bit values, doubles as 64-bit values.
 * Each check clears fflags first and compares the raised flags with `flags` afterwards. Single
 * results are also checked to be NaN-boxed. Operands go in ft1, ft2, ft4 (or t1 for integer
 * sources); results come out of ft3 (or t3). Scratch registers: t1..t6, ft1..ft4.
 */
#ifndef TINYRV_ISA_FP_CHECKS_H
#define TINYRV_ISA_FP_CHECKS_H

#define MSTATUS_FS (3 << 13)
#define MSTATUS_FS_INITIAL (1 << 13)

/* Loads single operands a, b, c into ft1, ft2, ft4 and clears fflags. */
.macro LOAD_S a, b, c
        li t1, \a
        fmv.w.x ft1, t1
        li t1, \b
        fmv.w.x ft2, t1
        li t1, \c
        fmv.w.x ft4, t1
        csrw fflags, zero
.endm

.macro LOAD_D a, b, c
        li t1, \a
        fmv.d.x ft1, t1
        li t1, \b
        fmv.d.x ft2, t1
        li t1, \c
        fmv.d.x ft4, t1
        csrw fflags, zero
.endm

/* fflags == flags */
.macro CHECK_FLAGS flags
        csrr t4, fflags
        li t6, \flags
        bne t4, t6, fail
.endm

/* ft3 holds the boxed single `expected`. */
.macro CHECK_RESULT_S expected
        fmv.x.w t3, ft3
        li t6, \expected
        sext.w t6, t6
        bne t3, t6, fail
        fmv.x.d t3, ft3
        srai t3, t3, 32
        li t6, -1
        bne t3, t6, fail
.endm

.macro CHECK_RESULT_D expected
        fmv.x.d t3, ft3
        li t6, \expected
        bne t3, t6, fail
.endm

/* op ft3, ft1[, ft2[, ft4]] (by arity 1..3), optional static rm */
.macro FP_OP fmt, arity, op, rm
  .ifc \rm,
    .if \arity == 1
        \op ft3, ft1
    .elseif \arity == 2
        \op ft3, ft1, ft2
    .else
        \op ft3, ft1, ft2, ft4
    .endif
  .else
    .if \arity == 1
        \op ft3, ft1, \rm
    .elseif \arity == 2
        \op ft3, ft1, ft2, \rm
    .else
        \op ft3, ft1, ft2, ft4, \rm
    .endif
  .endif
.endm

/* A single-precision operation with float result. */
.macro CHECK_S num, arity, op, expected, flags, a, b=0, c=0, rm=
        li TESTNUM, \num
        LOAD_S \a, \b, \c
        FP_OP s, \arity, \op, \rm
        CHECK_RESULT_S \expected
        CHECK_FLAGS \flags
.endm

.macro CHECK_D num, arity, op, expected, flags, a, b=0, c=0, rm=
        li TESTNUM, \num
        LOAD_D \a, \b, \c
        FP_OP d, \arity, \op, \rm
        CHECK_RESULT_D \expected
        CHECK_FLAGS \flags
.endm

/* op t3, ft1, ft2 (comparisons) with single or double operands; t3 == expected. */
.macro CHECK_CMP_S num, op, expected, flags, a, b
        li TESTNUM, \num
        LOAD_S \a, \b, 0
        \op t3, ft1, ft2
        li t6, \expected
        bne t3, t6, fail
        CHECK_FLAGS \flags
.endm

.macro CHECK_CMP_D num, op, expected, flags, a, b
        li TESTNUM, \num
        LOAD_D \a, \b, 0
        \op t3, ft1, ft2
        li t6, \expected
        bne t3, t6, fail
        CHECK_FLAGS \flags
.endm

/* op t3, ft1[, rm] (conversions to integer, fclass, fmv.x.*); t3 == expected (64-bit). */
.macro CHECK_TO_X_S num, op, expected, flags, a, rm=
        li TESTNUM, \num
        LOAD_S \a, 0, 0
  .ifc \rm,
        \op t3, ft1
  .else
        \op t3, ft1, \rm
  .endif
        li t6, \expected
        bne t3, t6, fail
        CHECK_FLAGS \flags
.endm

.macro CHECK_TO_X_D num, op, expected, flags, a, rm=
        li TESTNUM, \num
        LOAD_D \a, 0, 0
  .ifc \rm,
        \op t3, ft1
  .else
        \op t3, ft1, \rm
  .endif
        li t6, \expected
        bne t3, t6, fail
        CHECK_FLAGS \flags
.endm

/* op ft3, t1[, rm] (conversions from integer); ft3 holds expected. */
.macro CHECK_FROM_X_S num, op, expected, flags, a, rm=
        li TESTNUM, \num
        csrw fflags, zero
        li t1, \a
  .ifc \rm,
        \op ft3, t1
  .else
        \op ft3, t1, \rm
  .endif
        CHECK_RESULT_S \expected
        CHECK_FLAGS \flags
.endm

.macro CHECK_FROM_X_D num, op, expected, flags, a, rm=
        li TESTNUM, \num
        csrw fflags, zero
        li t1, \a
  .ifc \rm,
        \op ft3, t1
  .else
        \op ft3, t1, \rm
  .endif
        CHECK_RESULT_D \expected
        CHECK_FLAGS \flags
.endm

#endif
