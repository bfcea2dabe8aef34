# D extension: double-precision arithmetic, fused multiply-adds (single rounding), sign injection,
# min/max, comparisons, conversions of every width with saturation and sign extension,
# fcvt.s.d/fcvt.d.s, moves, fclass, fld/fsd (also misaligned), the compressed c.fld/c.fsd/
# c.fldsp/c.fsdsp, and rm checks on the exact conversions.
#include "isa_test.h"
#include "fp_checks.h"
        .option arch, +f, +d, +c

TEST_BEGIN
        li t0, MSTATUS_FS_INITIAL
        csrs mstatus, t0

        CHECK_D  2, 2, fadd.d, 0x3fd3333333333334, 0x01, 0x3fb999999999999a, 0x3fc999999999999a
        CHECK_D  3, 2, fsub.d, 0x0000000000000000, 0x00, 0x3ff8000000000000, 0x3ff8000000000000
        CHECK_D  4, 2, fsub.d, 0x8000000000000000, 0x00, 0x3ff8000000000000, 0x3ff8000000000000, rm=rdn
        CHECK_D  5, 2, fmul.d, 0x0000000000000000, 0x03, 0x0170000000000000, 0x0170000000000000
        CHECK_D  6, 2, fdiv.d, 0x3fd5555555555555, 0x01, 0x3ff0000000000000, 0x4008000000000000
        CHECK_D  7, 2, fdiv.d, 0x3fd5555555555556, 0x01, 0x3ff0000000000000, 0x4008000000000000, rm=rup
        CHECK_D  8, 2, fdiv.d, 0xfff0000000000000, 0x08, 0xbff0000000000000, 0x0000000000000000
        CHECK_D  9, 2, fdiv.d, 0x7ff8000000000000, 0x10, 0x0000000000000000, 0x0000000000000000
        CHECK_D 10, 1, fsqrt.d, 0x3ff6a09e667f3bcd, 0x01, 0x4000000000000000
        CHECK_D 11, 1, fsqrt.d, 0x8000000000000000, 0x00, 0x8000000000000000
        CHECK_D 12, 2, fmul.d, 0x7fefffffffffffff, 0x05, 0x7fefffffffffffff, 0x4000000000000000, rm=rtz

        CHECK_D 13, 3, fmadd.d, 0x401a000000000000, 0x00, 0x4000000000000000, 0x4008000000000000, 0x3fe0000000000000
        CHECK_D 14, 3, fmsub.d, 0x4016000000000000, 0x00, 0x4000000000000000, 0x4008000000000000, 0x3fe0000000000000
        CHECK_D 15, 3, fnmsub.d, 0xc016000000000000, 0x00, 0x4000000000000000, 0x4008000000000000, 0x3fe0000000000000
        CHECK_D 16, 3, fnmadd.d, 0xc01a000000000000, 0x00, 0x4000000000000000, 0x4008000000000000, 0x3fe0000000000000
        # (1 + 2^-52)^2 - fl((1 + 2^-52)^2) = 2^-104 exactly: one rounding.
        CHECK_D 17, 3, fmsub.d, 0x3970000000000000, 0x00, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000002

        CHECK_D 18, 2, fsgnj.d, 0xbff0000000000000, 0x00, 0x3ff0000000000000, 0xc000000000000000
        CHECK_D 19, 2, fsgnjn.d, 0x3ff0000000000000, 0x00, 0x3ff0000000000000, 0xc000000000000000
        CHECK_D 20, 2, fsgnjx.d, 0x3ff0000000000000, 0x00, 0xbff0000000000000, 0xc000000000000000
        CHECK_D 21, 2, fmin.d, 0x8000000000000000, 0x00, 0x0000000000000000, 0x8000000000000000
        CHECK_D 22, 2, fmax.d, 0x0000000000000000, 0x00, 0x8000000000000000, 0x0000000000000000
        CHECK_D 23, 2, fmin.d, 0xbff0000000000000, 0x10, 0x7ff0000000000001, 0xbff0000000000000
        CHECK_D 24, 2, fmax.d, 0x7ff8000000000000, 0x00, 0x7ff8000000000000, 0x7ff8000000000000

        CHECK_CMP_D 25, feq.d, 1, 0x00, 0x8000000000000000, 0x0000000000000000
        CHECK_CMP_D 26, feq.d, 0, 0x10, 0x7ff0000000000001, 0x0000000000000000
        CHECK_CMP_D 27, flt.d, 1, 0x00, 0xbff0000000000000, 0x3ff0000000000000
        CHECK_CMP_D 28, flt.d, 0, 0x10, 0x7ff8000000000000, 0x3ff0000000000000
        CHECK_CMP_D 29, fle.d, 1, 0x00, 0x3ff0000000000000, 0x3ff0000000000000

        CHECK_TO_X_D 30, fcvt.w.d, -3, 0x01, 0xc00d99999999999a, rtz
        CHECK_TO_X_D 31, fcvt.w.d, -4, 0x01, 0xc00d99999999999a, rne
        CHECK_TO_X_D 32, fcvt.w.d, 0x7fffffff, 0x10, 0x41e0000000000000, rtz
        CHECK_TO_X_D 33, fcvt.wu.d, 0xffffffffffffffff, 0x00, 0x41efffffffe00000, rtz
        CHECK_TO_X_D 34, fcvt.wu.d, 0, 0x10, 0xc00d99999999999a, rtz
        CHECK_TO_X_D 35, fcvt.l.d, 0x7fffffffffffffff, 0x10, 0x43e0000000000000, rtz
        CHECK_TO_X_D 36, fcvt.l.d, 0x7fffffffffffffff, 0x10, 0x7ff8000000000000, rtz
        CHECK_TO_X_D 37, fcvt.lu.d, 0x8000000000000000, 0x00, 0x43e0000000000000, rtz
        CHECK_TO_X_D 38, fcvt.lu.d, 0xffffffffffffffff, 0x10, 0x43f0000000000000, rtz

        CHECK_FROM_X_D 39, fcvt.d.w, 0xc01c000000000000, 0x00, 0x1fffffff9
        CHECK_FROM_X_D 40, fcvt.d.wu, 0x41efffffffe00000, 0x00, -1
        CHECK_FROM_X_D 41, fcvt.d.l, 0xc340000000000000, 0x01, -9007199254740993
        CHECK_FROM_X_D 42, fcvt.d.l, 0xc340000000000001, 0x01, -9007199254740993, rdn
        CHECK_FROM_X_D 43, fcvt.d.lu, 0x43f0000000000000, 0x01, -1

        CHECK_TO_X_D 44, fmv.x.d, 0xc000000000000000, 0x00, 0xc000000000000000
        CHECK_TO_X_D 45, fclass.d, 0x002, 0x00, 0xbff0000000000000
        CHECK_TO_X_D 46, fclass.d, 0x004, 0x00, 0x800fffffffffffff
        CHECK_TO_X_D 47, fclass.d, 0x040, 0x00, 0x3ff0000000000000
        CHECK_TO_X_D 48, fclass.d, 0x080, 0x00, 0x7ff0000000000000
        CHECK_TO_X_D 49, fclass.d, 0x100, 0x00, 0x7ff0000000000001

        # fcvt.s.d rounds and boxes; fcvt.d.s is exact.
        TEST_NUMBER(50)
        LOAD_D 0x3fb999999999999a, 0, 0
        fcvt.s.d ft3, ft1
        CHECK_RESULT_S 0x3dcccccd
        CHECK_FLAGS 0x01
        TEST_NUMBER(51)
        csrw fflags, zero
        fcvt.d.s ft3, ft3
        CHECK_RESULT_D 0x3fb99999a0000000
        CHECK_FLAGS 0x00
        TEST_NUMBER(52)
        LOAD_D 0x7ff0000000000001, 0, 0
        fcvt.s.d ft3, ft1
        CHECK_RESULT_S 0x7fc00000
        CHECK_FLAGS 0x10

        # fld/fsd, misaligned included.
        TEST_NUMBER(53)
        la s0, buffer
        fld ft3, 0(s0)
        CHECK_RESULT_D 0x1122334455667788
        fsd ft3, 11(s0)
        ld t3, 8(s0)
        li t6, 0x4455667788000000
        bne t3, t6, fail
        fld ft3, 11(s0)
        CHECK_RESULT_D 0x1122334455667788

        # c.fld / c.fsd / c.fldsp / c.fsdsp.
        TEST_NUMBER(54)
        la s1, buffer
        c.fld fa0, 0(s1)
        c.fsd fa0, 32(s1)
        ld t3, 32(s1)
        li t6, 0x1122334455667788
        bne t3, t6, fail
        mv s2, sp
        mv sp, s1
        c.fsdsp fa0, 48(sp)
        c.fldsp ft0, 48(sp)
        mv sp, s2
        fmv.x.d t3, ft0
        bne t3, t6, fail

        # The exact conversions still check rm: fcvt.d.s with rm 5, fcvt.d.w with dyn and frm 7.
        EXPECT_TRAP
cvt5:   .word 0x4200d1d3                 # fcvt.d.s ft3, ft1 with rm 5
        CHECK_TRAP 55, CAUSE_ILLEGAL_INSTRUCTION, 0x4200d1d3, cvt5
        EXPECT_TRAP
        csrwi frm, 7
cvtdyn: .word 0xd20371d3                 # fcvt.d.w ft3, t1, dyn
        CHECK_TRAP 56, CAUSE_ILLEGAL_INSTRUCTION, 0xd20371d3, cvtdyn
        csrwi frm, 0
        SET_MTVEC unexpected_trap
        j pass
        TRAP_RECORDER
TEST_END

        .data
        .balign 8
buffer: .dword 0x1122334455667788, 0, 0, 0, 0, 0, 0, 0
