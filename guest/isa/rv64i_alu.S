# RV64I integer computation: every register-register and register-immediate operation, their
# 32-bit W forms with sign extension, shifts by 0/31/32/63 (and shift amounts with high bits set),
# writes to x0, lui and auipc.
#include "isa_test.h"

TEST_BEGIN
        # register-register operations (rd != rs, rd == rs1, rd == rs2)
        CHECK_RR 2, add, 0x3, 0x1, 0x2
        CHECK_RR 3, add, 0x0, 0xffffffffffffffff, 0x1
        CHECK_RR 4, add, 0x8000000000000000, 0x7fffffffffffffff, 0x1
        CHECK_RR 5, add, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff
        CHECK_RR 6, sub, 0xfffffffffffffffc, 0x3, 0x7
        CHECK_RR 7, sub, 0xffffffffffffffff, 0x0, 0x1
        CHECK_RR 8, sub, 0x7fffffffffffffff, 0x8000000000000000, 0x1
        CHECK_RR 9, and, 0xf000f000f000f00, 0xff00ff00ff00ff00, 0xff00ff00ff00ff0
        CHECK_RR 10, or, 0xfff0fff0fff0fff0, 0xff00ff00ff00ff00, 0xff00ff00ff00ff0
        CHECK_RR 11, xor, 0xf0f0f0f0f0f0f0f0, 0xff00ff00ff00ff00, 0xff00ff00ff00ff0
        CHECK_RR 12, slt, 0x1, 0xffffffffffffffff, 0x0
        CHECK_RR 13, slt, 0x0, 0x0, 0xffffffffffffffff
        CHECK_RR 14, slt, 0x1, 0x8000000000000000, 0x7fffffffffffffff
        CHECK_RR 15, slt, 0x0, 0x5, 0x5
        CHECK_RR 16, sltu, 0x0, 0xffffffffffffffff, 0x0
        CHECK_RR 17, sltu, 0x1, 0x0, 0xffffffffffffffff
        CHECK_RR 18, sltu, 0x0, 0x8000000000000000, 0x7fffffffffffffff
        CHECK_RR 19, sltu, 0x0, 0x5, 0x5
        CHECK_RR 20, sll, 0x8000000000000000, 0x1, 0x3f
        CHECK_RR 21, sll, 0x23456789abcdef00, 0x123456789abcdef0, 0x4
        CHECK_RR 22, sll, 0x8, 0x1, 0x43
        CHECK_RR 23, srl, 0x1, 0x8000000000000000, 0x3f
        CHECK_RR 24, srl, 0x7fffffffffffffff, 0xffffffffffffffff, 0x1
        CHECK_RR 25, srl, 0x1ffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffc7
        CHECK_RR 26, sra, 0xffffffffffffffff, 0x8000000000000000, 0x3f
        CHECK_RR 27, sra, 0xc000000000000000, 0x8000000000000000, 0x1
        CHECK_RR 28, sra, 0x1, 0x7fffffffffffffff, 0x3e
        CHECK_RR 29, addw, 0xffffffff80000000, 0x7fffffff, 0x1
        CHECK_RR 30, addw, 0x0, 0xffffffff, 0x1
        CHECK_RR 31, addw, 0x23456789, 0x123456789, 0x0
        CHECK_RR 32, subw, 0x7fffffff, 0x80000000, 0x1
        CHECK_RR 33, subw, 0xffffffffffffffff, 0x0, 0x1
        CHECK_RR 34, sllw, 0xffffffff80000000, 0x1, 0x1f
        CHECK_RR 35, sllw, 0xfffffffffffffff0, 0xffffffff, 0x24
        CHECK_RR 36, sllw, 0xffffffff80000000, 0x3, 0x1f
        CHECK_RR 37, srlw, 0x1, 0xffffffff80000000, 0x1f
        CHECK_RR 38, srlw, 0xffffffff80000000, 0xffffffff80000000, 0x0
        CHECK_RR 39, srlw, 0x8000000, 0x1234567880000000, 0x4
        CHECK_RR 40, sraw, 0xffffffffffffffff, 0x80000000, 0x1f
        CHECK_RR 41, sraw, 0x3fffffff, 0x7fffffff, 0x1
        CHECK_RR 42, sraw, 0xfffffffff8000000, 0xffffffff80000000, 0x24
        # register-immediate operations, shifts by 0, 31, 32 and 63
        CHECK_IMM 43, addi, 0x0, 0x1, -1
        CHECK_IMM 44, addi, 0x8000000000000000, 0x7fffffffffffffff, 1
        CHECK_IMM 45, addi, 0x7ff, 0x0, 2047
        CHECK_IMM 46, addi, 0xfffffffffffff800, 0x0, -2048
        CHECK_IMM 47, slti, 0x1, 0xffffffffffffffff, 0
        CHECK_IMM 48, slti, 0x0, 0x0, -1
        CHECK_IMM 49, slti, 0x1, 0x5, 6
        CHECK_IMM 50, sltiu, 0x0, 0xffffffffffffffff, -1
        CHECK_IMM 51, sltiu, 0x1, 0x0, -1
        CHECK_IMM 52, sltiu, 0x1, 0x5, 6
        CHECK_IMM 53, sltiu, 0x0, 0x0, 0
        CHECK_IMM 54, xori, 0xffffffffffff00ff, 0xff00, -1
        CHECK_IMM 55, xori, 0xff0, 0xf0f, 255
        CHECK_IMM 56, ori, 0xfffffffffffff800, 0xff00000000000000, -2048
        CHECK_IMM 57, ori, 0x555, 0x0, 1365
        CHECK_IMM 58, andi, 0xfffffffffffff800, 0xffffffffffffffff, -2048
        CHECK_IMM 59, andi, 0x700, 0xff0f, 2032
        CHECK_IMM 60, slli, 0x8000000000000000, 0x1, 63
        CHECK_IMM 61, slli, 0xffffffff00000000, 0xffffffffffffffff, 32
        CHECK_IMM 62, slli, 0x123456789abcdef0, 0x123456789abcdef0, 0
        CHECK_IMM 63, srli, 0x1, 0xffffffffffffffff, 63
        CHECK_IMM 64, srli, 0x80000000, 0x8000000000000000, 32
        CHECK_IMM 65, srli, 0x5, 0x5, 0
        CHECK_IMM 66, srai, 0xffffffffffffffff, 0x8000000000000000, 63
        CHECK_IMM 67, srai, 0xffffffff00000000, 0x8000000000000000, 31
        CHECK_IMM 68, srai, 0x0, 0x7fffffffffffffff, 63
        CHECK_IMM 69, addiw, 0xffffffff80000000, 0x7fffffff, 1
        CHECK_IMM 70, addiw, 0xffffffffffffffff, 0xffffffff, 0
        CHECK_IMM 71, addiw, 0x23456788, 0x123456789, -1
        CHECK_IMM 72, slliw, 0xffffffff80000000, 0x1, 31
        CHECK_IMM 73, slliw, 0xffffffffffff0000, 0xffffffff, 16
        CHECK_IMM 74, slliw, 0x1, 0x1, 0
        CHECK_IMM 75, srliw, 0x1, 0xffffffff80000000, 31
        CHECK_IMM 76, srliw, 0xffffffff80000000, 0x80000000, 0
        CHECK_IMM 77, srliw, 0xfffffff, 0xffffffffffffffff, 4
        CHECK_IMM 78, sraiw, 0xffffffffffffffff, 0x80000000, 31
        CHECK_IMM 79, sraiw, 0x7fffffff, 0xffffffff7fffffff, 0
        CHECK_IMM 80, sraiw, 0xfffffffff8000000, 0x80000000, 4

        # writes to x0 are dropped
        CHECK_RR_ZERO_DEST 81, add, 5, 6
        li TESTNUM, 82
        addi zero, zero, 1
        lui zero, 0x12345
        auipc zero, 1
        bnez zero, fail

        # lui sign-extends bit 31; auipc adds to its own address
        li TESTNUM, 83
        lui t0, 0x80000
        li t1, 0xffffffff80000000
        bne t0, t1, fail
        lui t0, 0x7ffff
        li t1, 0x7ffff000
        bne t0, t1, fail
        li TESTNUM, 84
1:      auipc t0, 0
        la t1, 1b
        bne t0, t1, fail
2:      auipc t0, 0xfffff
        la t1, 2b
        li t2, -4096
        add t1, t1, t2
        bne t0, t1, fail
        li TESTNUM, 85
3:      auipc t0, 0x1
        la t1, 3b
        li t2, 4096
        add t1, t1, t2
        bne t0, t1, fail

TEST_END
