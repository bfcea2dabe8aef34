# A extension: LR/SC success, SC failure without a reservation, after an intervening store to
# the reserved address, and at a different address; every AMO in .w (sign-extending the old value
# into rd and touching only 4 bytes) and .d, with aq/rl bits.
#include "isa_test.h"

/* AMO check: memory at `cell` starts as `old`; amo rd, value, (cell) returns `returned` and
 * leaves `stored` in the cell (loaded back with `load`). */
.macro CHECK_AMO num, amo, store, load, old, value, returned, stored
        li TESTNUM, \num
        la t0, cell
        li t1, \old
        \store t1, 0(t0)
        li t2, \value
        \amo t3, t2, (t0)
        li t6, \returned
        bne t3, t6, fail
        \load t4, 0(t0)
        li t6, \stored
        bne t4, t6, fail
.endm

TEST_BEGIN
        # an LR/SC pair succeeds: sc writes 0 to rd and stores
        li TESTNUM, 2
        la t0, cell
        li t1, 41
        sd t1, 0(t0)
        lr.d t2, (t0)
        addi t2, t2, 1
        sc.d t3, t2, (t0)
        bnez t3, fail
        ld t4, 0(t0)
        li t5, 42
        bne t4, t5, fail

        # sc without a reservation (the last one was consumed) fails and does not store
        li TESTNUM, 3
        li t2, 99
        sc.d t3, t2, (t0)
        beqz t3, fail
        ld t4, 0(t0)
        bne t4, t5, fail

        # a store to the reserved address between lr and sc makes sc fail
        li TESTNUM, 4
        lr.w t2, (t0)
        li t1, 7
        sw t1, 0(t0)
        sc.w t3, t2, (t0)
        beqz t3, fail
        lw t4, 0(t0)
        bne t4, t1, fail

        # sc to a different address than the lr fails
        li TESTNUM, 5
        la t1, other_cell
        lr.w t2, (t0)
        sc.w t3, t2, (t1)
        beqz t3, fail
        sc.w t3, t2, (t0)
        beqz t3, fail

        # lr.w sign-extends; sc.w stores 4 bytes only
        li TESTNUM, 6
        li t1, 0x1111111180000000
        sd t1, 0(t0)
        lr.w.aq t2, (t0)
        li t6, 0xffffffff80000000
        bne t2, t6, fail
        li t2, 0x22222222
        sc.w.rl t3, t2, (t0)
        bnez t3, fail
        ld t4, 0(t0)
        li t6, 0x1111111122222222
        bne t4, t6, fail

        # an lr/sc retry loop increments 100 times
        li TESTNUM, 7
        sd zero, 0(t0)
        li t1, 100
1:      lr.d t2, (t0)
        addi t2, t2, 1
        sc.d t3, t2, (t0)
        bnez t3, 1b
        addi t1, t1, -1
        bnez t1, 1b
        ld t2, 0(t0)
        li t6, 100
        bne t2, t6, fail

        CHECK_AMO  8, amoswap.w, sd, ld, 0x1234567880000000, 0x7fffffff, 0xffffffff80000000, 0x123456787fffffff
        CHECK_AMO  9, amoadd.w, sd, ld, 0x00000000ffffffff, 1, 0xffffffffffffffff, 0
        CHECK_AMO 10, amoxor.w, sw, lw, 0x0ff00ff0, 0xffffffff, 0x0ff00ff0, 0xfffffffff00ff00f
        CHECK_AMO 11, amoand.w, sw, lw, 0x8ff00ff0, 0xf0f0f0f0, 0xffffffff8ff00ff0, 0xffffffff80f000f0
        CHECK_AMO 12, amoor.w, sw, lw, 0x0ff00ff0, 0x80000000, 0x0ff00ff0, 0xffffffff8ff00ff0
        CHECK_AMO 13, amomin.w, sw, lw, 1, 0x80000000, 1, 0xffffffff80000000
        CHECK_AMO 14, amomax.w, sw, lw, 0x80000000, 1, 0xffffffff80000000, 1
        CHECK_AMO 15, amominu.w, sw, lw, 1, 0x80000000, 1, 1
        CHECK_AMO 16, amomaxu.w, sw, lw, 0x80000000, 1, 0xffffffff80000000, 0xffffffff80000000
        CHECK_AMO 17, amomin.w.aq, sw, lw, 5, 0x100000003, 5, 3
        CHECK_AMO 18, amoadd.w.aqrl, sd, ld, 0xaaaaaaaa7fffffff, 1, 0x7fffffff, 0xaaaaaaaa80000000

        CHECK_AMO 19, amoswap.d, sd, ld, 0x8000000000000000, 5, 0x8000000000000000, 5
        CHECK_AMO 20, amoadd.d, sd, ld, 0xffffffffffffffff, 2, 0xffffffffffffffff, 1
        CHECK_AMO 21, amoxor.d, sd, ld, 0xff00, 0x0ff0, 0xff00, 0xf0f0
        CHECK_AMO 22, amoand.d, sd, ld, 0xff00, 0x0ff0, 0xff00, 0x0f00
        CHECK_AMO 23, amoor.d, sd, ld, 0xff00, 0x0ff0, 0xff00, 0xfff0
        CHECK_AMO 24, amomin.d, sd, ld, 1, -1, 1, -1
        CHECK_AMO 25, amomax.d, sd, ld, 1, -1, 1, 1
        CHECK_AMO 26, amominu.d, sd, ld, 1, -1, 1, 1
        CHECK_AMO 27, amomaxu.d, sd, ld, 1, -1, 1, -1
        CHECK_AMO 28, amomax.d.rl, sd, ld, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff

        # an AMO with rd = x0 still updates memory
        li TESTNUM, 29
        la t0, cell
        li t1, 10
        sd t1, 0(t0)
        li t2, 5
        amoadd.d zero, t2, (t0)
        bnez zero, fail
        ld t3, 0(t0)
        li t6, 15
        bne t3, t6, fail
TEST_END

        .data
        .balign 64
cell:       .dword 0
        .balign 64
other_cell: .dword 0
