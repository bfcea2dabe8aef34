# RV64I control transfer: every branch taken and not taken (signed and unsigned edges, forward
# and backward), jal and jalr link values, jalr clearing bit 0 of an odd target, jalr with rd == rs1.
#include "isa_test.h"

TEST_BEGIN
        CHECK_TAKEN      2, beq, 0, 0
        CHECK_TAKEN      3, beq, -1, -1
        CHECK_NOT_TAKEN  4, beq, 0, 1
        CHECK_NOT_TAKEN  5, beq, 0x100000000, 0
        CHECK_TAKEN      6, bne, 0x100000000, 0
        CHECK_NOT_TAKEN  7, bne, -1, -1
        CHECK_TAKEN      8, blt, -1, 0
        CHECK_TAKEN      9, blt, 0x8000000000000000, 0x7fffffffffffffff
        CHECK_NOT_TAKEN 10, blt, 0, -1
        CHECK_NOT_TAKEN 11, blt, 5, 5
        CHECK_TAKEN     12, bge, 0, -1
        CHECK_TAKEN     13, bge, 5, 5
        CHECK_NOT_TAKEN 14, bge, 0x8000000000000000, 0x7fffffffffffffff
        CHECK_TAKEN     15, bltu, 0, -1
        CHECK_TAKEN     16, bltu, 0x7fffffffffffffff, 0x8000000000000000
        CHECK_NOT_TAKEN 17, bltu, -1, 0
        CHECK_NOT_TAKEN 18, bltu, 5, 5
        CHECK_TAKEN     19, bgeu, -1, 0
        CHECK_TAKEN     20, bgeu, 5, 5
        CHECK_NOT_TAKEN 21, bgeu, 0, -1

        # jal links the address of the next instruction and skips what lies between
        li TESTNUM, 22
        li t0, 0
jal_site:
        jal ra, jal_target
        addi t0, t0, 1
        j fail
jal_target:
        la t1, jal_site + 4
        bne ra, t1, fail
        bnez t0, fail

        # jal with rd = x0 links nothing
        li TESTNUM, 23
        jal zero, 1f
        j fail
1:      bnez zero, fail

        # jalr links pc + 4 and jumps to rs1 + offset
        li TESTNUM, 24
        la t1, jalr_target - 8
jalr_site:
        jalr t2, 8(t1)
        j fail
jalr_target:
        la t3, jalr_site + 4
        bne t2, t3, fail

        # jalr clears bit 0 of the computed target
        li TESTNUM, 25
        la t1, odd_target
        addi t1, t1, 1
        jalr t2, 0(t1)
        j fail
odd_target:
        li TESTNUM, 26
        la t1, odd_target2 + 3
        jalr t2, -2(t1)
        j fail
odd_target2:

        # jalr with rd == rs1 uses the old rs1 value for the target
        li TESTNUM, 27
        la t1, same_target
same_site:
        jalr t1, 0(t1)
        j fail
same_target:
        la t2, same_site + 4
        bne t1, t2, fail

        # a backward loop runs the expected number of times
        li TESTNUM, 28
        li t0, 10
        li t1, 0
1:      addi t1, t1, 3
        addi t0, t0, -1
        bnez t0, 1b
        li t2, 30
        bne t1, t2, fail
TEST_END
