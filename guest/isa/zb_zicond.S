# Zba, Zbb, Zbs, Zbc and Zicond: every instruction, with the edge cases: .uw zero-extension of
# rs1 (the upper half ignored), shift amounts 0/31/32/63 and their masking, rev8, orc.b,
# clz/ctz/cpop (and the W forms) of 0 and all ones, min/max signed against unsigned, sext/zext,
# clmul/clmulh/clmulr against known products, and czero.eqz/nez (via .insn, which binutils 2.40
# lacks). The checking macros also run the rd = rs1 and rd = rs2 forms.
#include "isa_test.h"

        .option arch, +zba, +zbb, +zbs, +zbc

/* op rd, rs1 with rs1 = a gives expected (also rd = rs1). */
.macro CHECK_UNARY num, op, expected, a
        li TESTNUM, \num
        li t6, \expected
        li t1, \a
        \op t3, t1
        bne t3, t6, fail
        \op t1, t1
        bne t1, t6, fail
.endm

/* czero.eqz (funct3 5) / czero.nez (funct3 7) t3, t1, t2 */
.macro CZERO num, funct3, expected, a, b
        li TESTNUM, \num
        li t6, \expected
        li t1, \a
        li t2, \b
        .insn r 0x33, \funct3, 0x07, t3, t1, t2
        bne t3, t6, fail
.endm

TEST_BEGIN
        # Zba
        CHECK_RR  2, add.uw, 0x100000005, 0xffffffff00000001, 0x100000004
        CHECK_RR  3, add.uw, 0x80000000, 0x80000000, 0
        CHECK_RR  4, sh1add, 0x7, 3, 1
        CHECK_RR  5, sh2add, 0xfffffffffffffffd, -1, 1
        CHECK_RR  6, sh3add, 0x0, 0x2000000000000000, 0
        CHECK_RR  7, sh1add.uw, 0x1ffffffff, 0xdeadbeefffffffff, 1
        CHECK_RR  8, sh2add.uw, 0x3fffffffc, -1, 0
        CHECK_RR  9, sh3add.uw, 0x400000008, 0xffffffff80000001, 0
        CHECK_IMM 10, slli.uw, 0xffffffff, 0x12345678ffffffff, 0
        CHECK_IMM 11, slli.uw, 0x8000000000000000, 0xffffffff80000001, 63
        CHECK_IMM 12, slli.uw, 0xffffffff00000000, -1, 32

        # Zbb: logic with negation
        CHECK_RR 13, andn, 0xf0, 0xff, 0x0f
        CHECK_RR 14, orn, 0xfffffffffffffff0 | 0x3, 0x3, 0x0f
        CHECK_RR 15, xnor, 0xffffffffffffff0f, 0xf0, 0x00 | 0x0
        # counts of 0, all ones and single bits
        CHECK_UNARY 16, clz, 64, 0
        CHECK_UNARY 17, clz, 0, -1
        CHECK_UNARY 18, clz, 63, 1
        CHECK_UNARY 19, ctz, 64, 0
        CHECK_UNARY 20, ctz, 0, -1
        CHECK_UNARY 21, ctz, 63, 0x8000000000000000
        CHECK_UNARY 22, cpop, 0, 0
        CHECK_UNARY 23, cpop, 64, -1
        CHECK_UNARY 24, cpop, 3, 0x8000000100000001
        CHECK_UNARY 25, clzw, 32, 0xffffffff00000000
        CHECK_UNARY 26, clzw, 0, -1
        CHECK_UNARY 27, clzw, 31, 1
        CHECK_UNARY 28, ctzw, 32, 0xffffffff00000000
        CHECK_UNARY 29, ctzw, 31, 0x80000000
        CHECK_UNARY 30, cpopw, 0, 0xffffffff00000000
        CHECK_UNARY 31, cpopw, 32, -1
        # sign and zero extension
        CHECK_UNARY 32, sext.b, 0xffffffffffffff80, 0x1234567880
        CHECK_UNARY 33, sext.b, 0x7f, 0xff7f
        CHECK_UNARY 34, sext.h, 0xffffffffffff8000, 0x12348000
        CHECK_UNARY 35, sext.h, 0x7fff, 0xffff7fff
        CHECK_UNARY 36, zext.h, 0xffff, -1
        CHECK_UNARY 37, zext.h, 0x8001, 0x123458001
        # min/max: signed and unsigned disagree on negative numbers
        CHECK_RR 38, min, 0xffffffffffffffff, -1, 1
        CHECK_RR 39, minu, 0x1, -1, 1
        CHECK_RR 40, max, 0x1, -1, 1
        CHECK_RR 41, maxu, 0xffffffffffffffff, -1, 1
        CHECK_RR 42, min, 0x8000000000000000, 0x8000000000000000, 0x7fffffffffffffff
        CHECK_RR 43, maxu, 0x8000000000000000, 0x8000000000000000, 0x7fffffffffffffff
        # rotates: amounts 0, 1, 63 and 64 + n (only the low 6 or 5 bits count)
        CHECK_RR 44, rol, 0x0000000000000003, 0x8000000000000001, 1
        CHECK_RR 45, rol, 0x8000000000000001, 0x8000000000000001, 64
        CHECK_RR 46, ror, 0xc000000000000000, 0x8000000000000001, 1
        CHECK_RR 47, ror, 0x0000000000000003, 0x8000000000000001, 63
        CHECK_IMM 48, rori, 0x1234567890abcdef, 0x1234567890abcdef, 0
        CHECK_IMM 49, rori, 0x90abcdef12345678, 0x1234567890abcdef, 32
        CHECK_IMM 50, rori, 0x2468acf121579bde, 0x1234567890abcdef, 63
        CHECK_RR 51, rolw, 0xffffffff80000000, 0x40000000, 1
        CHECK_RR 52, rolw, 0x0000000000000003, 0xffffffff80000001, 33
        CHECK_RR 53, rorw, 0xffffffffc0000000, 0x0000000080000001, 1
        CHECK_RR 54, rorw, 0x0000000012345678, 0xabcdef0012345678, 32
        CHECK_IMM 55, roriw, 0xffffffff80000000, 1, 1
        CHECK_IMM 56, roriw, 0x0000000000000002, 1, 31
        CHECK_IMM 57, roriw, 0x0000000012345678, 0xfedcba9812345678, 0
        # byte operations
        CHECK_UNARY 58, orc.b, 0x00ff00ffffff00ff, 0x0001008012ff0001
        CHECK_UNARY 59, orc.b, 0, 0
        CHECK_UNARY 60, orc.b, -1, 0x0101010101010101
        CHECK_UNARY 61, rev8, 0xefcdab9078563412, 0x1234567890abcdef
        CHECK_UNARY 62, rev8, 0x80, 0x8000000000000000

        # Zbs: bit index mod 64
        CHECK_RR 63, bclr, 0xfffffffffffffffe, -1, 0
        CHECK_RR 64, bclr, 0x7fffffffffffffff, -1, 63
        CHECK_RR 65, bclr, 0xfffffffffffffffd, -1, 65
        CHECK_RR 66, bext, 1, 0x8000000000000000, 63
        CHECK_RR 67, bext, 0, 0x8000000000000000, 62
        CHECK_RR 68, bext, 1, 2, 65
        CHECK_RR 69, binv, 0x8000000000000001, 1, 63
        CHECK_RR 70, binv, 0, 1, 64
        CHECK_RR 71, bset, 0x100000000, 0, 32
        CHECK_RR 72, bset, 0x1, 0x1, 0
        CHECK_IMM 73, bclri, 0x7fffffffffffffff, -1, 63
        CHECK_IMM 74, bexti, 1, 0x100000000, 32
        CHECK_IMM 75, bexti, 0, 0x100000000, 31
        CHECK_IMM 76, binvi, 0xfffffffeffffffff, -1, 32
        CHECK_IMM 77, bseti, 0x8000000000000000, 0, 63

        # Zbc: (2^64 - 1) x (2^64 - 1) carry-less is 0x5555...5555 (127 bits)
        CHECK_RR 78, clmul, 0x5555555555555555, -1, -1
        CHECK_RR 79, clmulh, 0x5555555555555555, -1, -1
        CHECK_RR 80, clmulr, 0xaaaaaaaaaaaaaaaa, -1, -1
        CHECK_RR 81, clmul, 0x0, 0x8000000000000000, 2
        CHECK_RR 82, clmulh, 0x1, 0x8000000000000000, 2
        CHECK_RR 83, clmulr, 0x2, 0x8000000000000000, 2
        CHECK_RR 84, clmul, 0xf, 0x5, 0x3
        CHECK_RR 85, clmulh, 0x0, 0x5, 0x3
        CHECK_RR 86, clmulr, 0x0, 0x1, 0x1
        CHECK_RR 87, clmulr, 0x1, 0x1, 0x8000000000000000
        CHECK_RR 88, clmulh, 0x0, -1, 1

        # Zicond
        CZERO 89, 5, 0, 0x1234, 0
        CZERO 90, 5, 0x1234, 0x1234, 0x8000000000000000
        CZERO 91, 7, 0x1234, 0x1234, 0
        CZERO 92, 7, 0, 0x1234, 1

        # writes to x0 are dropped
        CHECK_RR_ZERO_DEST 93, andn, -1, 0
        CHECK_RR_ZERO_DEST 94, sh3add, 1, 1
TEST_END
