# HTIF tohost: a store of 0 is no command (Spike ignores it), so the program goes on after it;
# byte and word stores of 0 too. The program then prints "ok" through the HTIF console
# (device 1, command 1), which it reaches only when the zero stores did not end the run.
#include "isa_test.h"

        .pushsection .tinyrv_expect, "", @progbits
        .ascii "status=0\nstdout=ok\n"
        .popsection

.macro PUTCHAR c
        li t0, (0x0101 << 48) | \c
        sd t0, 0(t1)
.endm

TEST_BEGIN
        li TESTNUM, 2
        la t1, tohost
        sd zero, 0(t1)
        sw zero, 0(t1)
        sb zero, 7(t1)
        li TESTNUM, 3
        ld t2, 0(t1)
        bnez t2, fail
        PUTCHAR 'o'
        PUTCHAR 'k'
TEST_END
