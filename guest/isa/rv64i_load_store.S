# RV64I loads and stores of every width: sign and zero extension, positive and negative offsets,
# and stores that touch only their own bytes.
#include "isa_test.h"

TEST_BEGIN
        CHECK_LOAD  2, lb,  0xffffffffffffff81, 0, bytes
        CHECK_LOAD  3, lb,  0x7f, 1, bytes
        CHECK_LOAD  4, lbu, 0x81, 0, bytes
        CHECK_LOAD  5, lbu, 0x7f, 1, bytes
        CHECK_LOAD  6, lh,  0xffffffffffff8001, 0, halves
        CHECK_LOAD  7, lh,  0x7ffe, 2, halves
        CHECK_LOAD  8, lhu, 0x8001, 0, halves
        CHECK_LOAD  9, lhu, 0x7ffe, 2, halves
        CHECK_LOAD 10, lw,  0xffffffff80000001, 0, words
        CHECK_LOAD 11, lw,  0x7ffffffe, 4, words
        CHECK_LOAD 12, lwu, 0x80000001, 0, words
        CHECK_LOAD 13, lwu, 0x7ffffffe, 4, words
        CHECK_LOAD 14, ld,  0x8000000000000001, 0, doubles
        CHECK_LOAD 15, ld,  0x0123456789abcdef, 8, doubles
        CHECK_LOAD 16, ld,  0x8000000000000001, -8, doubles + 8
        CHECK_LOAD 17, lbu, 0xef, -1, doubles + 9
        CHECK_LOAD 18, lh,  0xffffffffffffcdef, -2048, doubles + 2056

        CHECK_STORE 19, lb, sb, 0x1234, 0x34, 0, scratch
        CHECK_STORE 20, lb, sb, 0xff, -1, 1, scratch
        CHECK_STORE 21, lh, sh, 0x12348765, 0xffffffffffff8765, 2, scratch
        CHECK_STORE 22, lw, sw, 0x1234567887654321, 0xffffffff87654321, 4, scratch
        CHECK_STORE 23, ld, sd, 0xfedcba9876543210, 0xfedcba9876543210, 8, scratch
        CHECK_STORE 24, ld, sd, -1, -1, 2047, scratch - 2031

        # each store changed only its own bytes
        li TESTNUM, 25
        la t0, scratch
        ld t1, 0(t0)
        li t2, 0x876543218765ff34
        bne t1, t2, fail

        # the word below and above the scratch area are untouched
        li TESTNUM, 26
        ld t1, -8(t0)
        li t2, 0x5555555555555555
        bne t1, t2, fail
        ld t1, 24(t0)
        bne t1, t2, fail

        # a load into x0 is dropped
        li TESTNUM, 27
        la t0, doubles
        ld zero, 0(t0)
        bnez zero, fail
TEST_END

        .data
        .balign 8
bytes:   .byte 0x81, 0x7f, 0, 0, 0, 0, 0, 0
halves:  .half 0x8001, 0x7ffe, 0, 0
words:   .word 0x80000001, 0x7ffffffe
doubles: .dword 0x8000000000000001, 0x0123456789abcdef
guard_below: .dword 0x5555555555555555
scratch: .dword 0, 0, 0
guard_above: .dword 0x5555555555555555
