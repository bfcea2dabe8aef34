# F extension: single-precision arithmetic, fused multiply-adds, sign injection, min/max,
# comparisons, conversions with saturation and sign extension, moves, fclass, flw/fsw,
# NaN boxing, dynamic and static rounding, fflags/frm/fcsr, and the illegal cases
# (FS Off, reserved rm, dynamic rm with a reserved frm).
#include "isa_test.h"
#include "fp_checks.h"
        .option arch, +f, +d

TEST_BEGIN
        li t0, MSTATUS_FS_INITIAL
        csrs mstatus, t0

        CHECK_S  2, 2, fadd.s, 0x40700000, 0x00, 0x3fc00000, 0x40100000
        CHECK_S  3, 2, fsub.s, 0xbf400000, 0x00, 0x3fc00000, 0x40100000
        CHECK_S  4, 2, fmul.s, 0xc0e00000, 0x00, 0x40e00000, 0xbf800000
        CHECK_S  5, 2, fdiv.s, 0x3eaaaaab, 0x01, 0x3f800000, 0x40400000
        CHECK_S  6, 2, fdiv.s, 0x3eaaaaaa, 0x01, 0x3f800000, 0x40400000, rm=rtz
        CHECK_S  7, 2, fdiv.s, 0x7f800000, 0x08, 0x3f800000, 0x00000000
        CHECK_S  8, 1, fsqrt.s, 0x3fb504f3, 0x01, 0x40000000
        CHECK_S  9, 1, fsqrt.s, 0x7fc00000, 0x10, 0xbf800000
        CHECK_S 10, 2, fadd.s, 0x7fc00000, 0x10, 0x7f800000, 0xff800000
        CHECK_S 11, 2, fmul.s, 0x7f800000, 0x05, 0x7f7fffff, 0x40000000
        CHECK_S 12, 2, fadd.s, 0x7fc00000, 0x10, 0x7f800001, 0x3f800000

        CHECK_S 13, 3, fmadd.s, 0x40e00000, 0x00, 0x40000000, 0x40400000, 0x3f800000
        CHECK_S 14, 3, fmsub.s, 0x40a00000, 0x00, 0x40000000, 0x40400000, 0x3f800000
        CHECK_S 15, 3, fnmsub.s, 0xc0a00000, 0x00, 0x40000000, 0x40400000, 0x3f800000
        CHECK_S 16, 3, fnmadd.s, 0xc0e00000, 0x00, 0x40000000, 0x40400000, 0x3f800000
        CHECK_S 17, 3, fmadd.s, 0x7fc00000, 0x10, 0x00000000, 0x7f800000, 0x7fc00000

        CHECK_S 18, 2, fsgnj.s, 0xbf800000, 0x00, 0x3f800000, 0xc0000000
        CHECK_S 19, 2, fsgnjn.s, 0x3f800000, 0x00, 0x3f800000, 0xc0000000
        CHECK_S 20, 2, fsgnjx.s, 0x3f800000, 0x00, 0xbf800000, 0xc0000000
        CHECK_S 21, 2, fmin.s, 0x80000000, 0x00, 0x00000000, 0x80000000
        CHECK_S 22, 2, fmax.s, 0x00000000, 0x00, 0x80000000, 0x00000000
        CHECK_S 23, 2, fmin.s, 0x3f800000, 0x00, 0x7fc00000, 0x3f800000
        CHECK_S 24, 2, fmax.s, 0x3f800000, 0x10, 0x7f800001, 0x3f800000
        CHECK_S 25, 2, fmax.s, 0x7fc00000, 0x10, 0x7f800001, 0x7fc00000

        CHECK_CMP_S 26, feq.s, 1, 0x00, 0x00000000, 0x80000000
        CHECK_CMP_S 27, feq.s, 0, 0x00, 0x7fc00000, 0x7fc00000
        CHECK_CMP_S 28, feq.s, 0, 0x10, 0x7f800001, 0x3f800000
        CHECK_CMP_S 29, flt.s, 1, 0x00, 0xbf800000, 0x3f800000
        CHECK_CMP_S 30, flt.s, 0, 0x10, 0x7fc00000, 0x3f800000
        CHECK_CMP_S 31, fle.s, 1, 0x00, 0x3f800000, 0x3f800000
        CHECK_CMP_S 32, fle.s, 0, 0x10, 0x3f800000, 0x7fc00000

        CHECK_TO_X_S 33, fcvt.w.s, -2, 0x01, 0xc0200000, rtz
        CHECK_TO_X_S 34, fcvt.w.s, -2, 0x01, 0xc0200000, rne
        CHECK_TO_X_S 35, fcvt.w.s, -3, 0x01, 0xc0200000, rdn
        CHECK_TO_X_S 36, fcvt.w.s, 0x7fffffff, 0x10, 0x4f32d05e, rtz
        CHECK_TO_X_S 37, fcvt.w.s, 0xffffffff80000000, 0x10, 0xcf32d05e, rtz
        CHECK_TO_X_S 38, fcvt.w.s, 0x7fffffff, 0x10, 0x7fc00000, rtz
        CHECK_TO_X_S 39, fcvt.wu.s, 0xffffffffb2d05e00, 0x00, 0x4f32d05e, rtz
        CHECK_TO_X_S 40, fcvt.wu.s, 0, 0x10, 0xbf800000, rtz
        CHECK_TO_X_S 41, fcvt.l.s, 10000000000, 0x00, 0x501502f9, rtz
        CHECK_TO_X_S 42, fcvt.l.s, 0x7fffffffffffffff, 0x10, 0x7f800000, rtz
        CHECK_TO_X_S 43, fcvt.lu.s, 0xffffffffffffffff, 0x10, 0x7fc00000, rtz
        CHECK_TO_X_S 44, fcvt.lu.s, 0, 0x10, 0xc0200000, rtz

        CHECK_FROM_X_S 45, fcvt.s.w, 0xc0e00000, 0x00, 0x1fffffff9
        CHECK_FROM_X_S 46, fcvt.s.wu, 0x4f800000, 0x01, 0xffffffff
        CHECK_FROM_X_S 47, fcvt.s.l, 0x4b800000, 0x01, 16777217
        CHECK_FROM_X_S 48, fcvt.s.lu, 0x5f800000, 0x01, -1
        CHECK_FROM_X_S 49, fcvt.s.l, 0x4b800001, 0x01, 16777217, rup

        CHECK_TO_X_S 50, fmv.x.w, 0xffffffffbf800000, 0x00, 0xbf800000
        CHECK_TO_X_S 51, fclass.s, 0x001, 0x00, 0xff800000
        CHECK_TO_X_S 52, fclass.s, 0x008, 0x00, 0x80000000
        CHECK_TO_X_S 53, fclass.s, 0x020, 0x00, 0x00000001
        CHECK_TO_X_S 54, fclass.s, 0x100, 0x00, 0x7f800001
        CHECK_TO_X_S 55, fclass.s, 0x200, 0x00, 0x7fc00000

        # An improperly boxed operand reads as the canonical NaN; fmv.x.w does not check.
        TEST_NUMBER(56)
        li t1, 0x3f800000
        fmv.d.x ft1, t1
        fadd.s ft3, ft1, ft1
        CHECK_RESULT_S 0x7fc00000
        fmv.x.w t3, ft1
        li t6, 0x3f800000
        bne t3, t6, fail
        TEST_NUMBER(57)
        fclass.s t3, ft1
        li t6, 0x200
        bne t3, t6, fail

        # flw boxes; fsw stores the low 32 bits; misaligned flw works.
        TEST_NUMBER(58)
        la s0, buffer
        flw ft3, 0(s0)
        CHECK_RESULT_S 0x7f800001
        fsw ft1, 8(s0)
        lwu t3, 8(s0)
        li t6, 0x3f800000
        bne t3, t6, fail
        flw ft3, 1(s0)
        CHECK_RESULT_S 0x447f8000

        # Dynamic rounding through frm; fcsr = frm << 5 | fflags.
        TEST_NUMBER(59)
        csrwi frm, 3
        LOAD_S 0x3f800000, 0x40400000, 0
        fdiv.s ft3, ft1, ft2
        CHECK_RESULT_S 0x3eaaaaab
        csrwi frm, 1
        fdiv.s ft3, ft1, ft2
        CHECK_RESULT_S 0x3eaaaaaa
        csrr t3, fcsr
        li t6, (1 << 5) | 0x01
        bne t3, t6, fail
        csrwi fcsr, 0

        # Reserved rounding modes are illegal instructions with the bits in mtval.
        EXPECT_TRAP
rm5:    .word 0x0020d1d3                 # fadd.s ft3, ft1, ft2 with rm 5
        CHECK_TRAP 60, CAUSE_ILLEGAL_INSTRUCTION, 0x0020d1d3, rm5
        EXPECT_TRAP
        csrwi frm, 5
rmdyn:  .word 0x0020f1d3                 # fadd.s ft3, ft1, ft2, dyn
        CHECK_TRAP 61, CAUSE_ILLEGAL_INSTRUCTION, 0x0020f1d3, rmdyn
        csrwi frm, 0

        # Writes make FS Dirty (and SD); with FS Off, FP instructions and CSRs are illegal.
        TEST_NUMBER(62)
        li t0, MSTATUS_FS
        csrc mstatus, t0
        li t0, MSTATUS_FS_INITIAL
        csrs mstatus, t0
        fmv.w.x ft3, zero
        csrr t3, mstatus
        srli t4, t3, 13
        andi t4, t4, 3
        li t6, 3
        bne t4, t6, fail
        bgez t3, fail
        li t0, MSTATUS_FS
        csrc mstatus, t0
        EXPECT_TRAP
off1:   .word 0x0020f1d3                 # fadd.s ft3, ft1, ft2
        CHECK_TRAP 63, CAUSE_ILLEGAL_INSTRUCTION, 0x0020f1d3, off1
        EXPECT_TRAP
off2:   .word 0x0004a187                 # flw ft3, 0(s1)
        CHECK_TRAP 64, CAUSE_ILLEGAL_INSTRUCTION, 0x0004a187, off2
        EXPECT_TRAP
off3:   .word 0x00102373                 # csrr t1, fflags
        CHECK_TRAP 65, CAUSE_ILLEGAL_INSTRUCTION, 0x00102373, off3
        li t0, MSTATUS_FS_INITIAL
        csrs mstatus, t0
        SET_MTVEC unexpected_trap
        j pass
        TRAP_RECORDER
TEST_END

        .data
        .balign 8
buffer: .word 0x7f800001, 0x00000044, 0, 0
