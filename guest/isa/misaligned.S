# Misaligned loads and stores: tinyrv performs them transparently (no trap), for every width,
# including accesses that straddle an 8-byte boundary and a page boundary.
#include "isa_test.h"

TEST_BEGIN
        .option push
        .option norvc
        la s0, buffer
        li t0, 0x0706050403020100
        sd t0, 0(s0)
        li t0, 0x0f0e0d0c0b0a0908
        sd t0, 8(s0)

        CHECK_LOAD 2, lh,  0x0201, 1, buffer
        CHECK_LOAD 3, lhu, 0x0807, 7, buffer
        CHECK_LOAD 4, lw,  0x04030201, 1, buffer
        CHECK_LOAD 5, lwu, 0x0a090807, 7, buffer
        CHECK_LOAD 6, ld,  0x0807060504030201, 1, buffer
        CHECK_LOAD 7, ld,  0x0e0d0c0b0a090807, 7, buffer

        li TESTNUM, 8
        li t0, 0xf0f1
        sh t0, 3(s0)
        li t0, 0xe0e1e2e3
        sw t0, 9(s0)
        ld t1, 0(s0)
        li t6, 0x070605f0f1020100
        bne t1, t6, fail
        ld t1, 8(s0)
        li t6, 0x0f0e0de0e1e2e308
        bne t1, t6, fail

        li TESTNUM, 9
        li t0, 0x1122334455667788
        sd t0, 5(s0)
        ld t1, 5(s0)
        bne t1, t0, fail
        lw t1, 1(s0)
        li t6, 0xfffffffff0f10201
        bne t1, t6, fail

        # a doubleword across the page boundary
        li TESTNUM, 10
        la s1, page_end
        li t0, 0x8877665544332211
        sd t0, -3(s1)
        ld t1, -3(s1)
        bne t1, t0, fail
        lbu t1, -1(s1)
        li t6, 0x33
        bne t1, t6, fail
        lbu t1, 0(s1)
        li t6, 0x44
        bne t1, t6, fail
        .option pop
TEST_END

        .data
        .balign 16
buffer: .skip 32
        .balign 4096
        .skip 4096
page_end:
        .skip 64
