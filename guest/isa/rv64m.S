# M extension: multiplication (low and high halves, signed/unsigned mixes), division and
# remainder including division by zero and the signed overflow case, and the W forms.
#include "isa_test.h"

TEST_BEGIN
        CHECK_RR  2, mul, 0x0, 0x0, 0x0
        CHECK_RR  3, mul, 0x1e, 5, 6
        CHECK_RR  4, mul, 0xfffffffffffffffa, -2, 3
        CHECK_RR  5, mul, 0x8000000000000000, 0x4000000000000000, 2
        CHECK_RR  6, mulh, 0xffffffffffffffff, -1, 1
        CHECK_RR  7, mulh, 0x0, -1, -1
        CHECK_RR  8, mulh, 0xc000000000000000, 0x8000000000000000, 0x7fffffffffffffff
        CHECK_RR  9, mulh, 0x4000000000000000, 0x8000000000000000, 0x8000000000000000
        CHECK_RR 10, mulhu, 0xfffffffffffffffe, -1, -1
        CHECK_RR 11, mulhu, 0x4000000000000000, 0x8000000000000000, 0x8000000000000000
        CHECK_RR 12, mulhu, 0x0, 5, 6
        CHECK_RR 13, mulhsu, 0xffffffffffffffff, -1, -1
        CHECK_RR 14, mulhsu, 0xc000000000000000, 0x8000000000000000, 0x8000000000000000
        CHECK_RR 15, mulhsu, 0x0, 1, -1
        CHECK_RR 16, mulw, 0xffffffff80000000, 0x10000, 0x8000
        CHECK_RR 17, mulw, 0x1, 0xffffffffffffffff, 0xffffffffffffffff
        CHECK_RR 18, mulw, 0x0, 0x100000000, 5

        CHECK_RR 19, div, 0x3, 20, 6
        CHECK_RR 20, div, 0xfffffffffffffffd, -20, 6
        CHECK_RR 21, div, 0xfffffffffffffffd, 20, -6
        CHECK_RR 22, div, 0x3, -20, -6
        CHECK_RR 23, div, 0xffffffffffffffff, 20, 0
        CHECK_RR 24, div, 0x8000000000000000, 0x8000000000000000, -1
        CHECK_RR 25, divu, 0x3, 20, 6
        CHECK_RR 26, divu, 0x2aaaaaaaaaaaaaa7, -20, 6
        CHECK_RR 27, divu, 0xffffffffffffffff, 20, 0
        CHECK_RR 28, divu, 0x0, 0x8000000000000000, -1
        CHECK_RR 29, rem, 0x2, 20, 6
        CHECK_RR 30, rem, 0xfffffffffffffffe, -20, 6
        CHECK_RR 31, rem, 0x2, 20, -6
        CHECK_RR 32, rem, 0xfffffffffffffffe, -20, -6
        CHECK_RR 33, rem, 0x14, 20, 0
        CHECK_RR 34, rem, 0x0, 0x8000000000000000, -1
        CHECK_RR 35, remu, 0x2, 20, 6
        CHECK_RR 36, remu, 0x2, -20, 6
        CHECK_RR 37, remu, 0xffffffffffffffec, -20, 0
        CHECK_RR 38, remu, 0x8000000000000000, 0x8000000000000000, -1

        CHECK_RR 39, divw, 0xfffffffffffffffd, -20, 6
        CHECK_RR 40, divw, 0xffffffffffffffff, 20, 0
        CHECK_RR 41, divw, 0xffffffff80000000, 0x80000000, -1
        CHECK_RR 42, divw, 0x3, 0x100000014, 6
        CHECK_RR 43, divuw, 0x2aaaaaa7, -20, 6
        CHECK_RR 44, divuw, 0xffffffffffffffff, 20, 0x100000000
        CHECK_RR 45, divuw, 0xffffffff80000000, 0x80000000, 1
        CHECK_RR 46, remw, 0xfffffffffffffffe, -20, 6
        CHECK_RR 47, remw, 0xffffffff80000000, 0x80000000, 0
        CHECK_RR 48, remw, 0x0, 0x80000000, -1
        CHECK_RR 49, remuw, 0x2, -20, 6
        CHECK_RR 50, remuw, 0xffffffff80000000, 0x80000000, 0
        CHECK_RR 51, remuw, 0x14, 0xf00000014, 0x100000000

        CHECK_RR_ZERO_DEST 52, div, 7, 0
TEST_END
