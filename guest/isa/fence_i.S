# Zifencei: self-modifying code. An instruction that already ran is overwritten and re-run after
# fence.i (so predecoded copies must be dropped); code copied into a data buffer runs; a 16-bit
# instruction is patched in place.
#include "isa_test.h"

#define ADDI_A0_A0(imm) (((imm) << 20) | (10 << 15) | (10 << 7) | 0x13)

TEST_BEGIN
        .option push
        .option norvc
        # run the patch site once, then rewrite it twice
        li TESTNUM, 2
        li s0, 0
        li s1, 3
patch_loop:
        li a0, 100
patch_site:
        addi a0, a0, 1
        addi s0, s0, 1
        li t6, 1
        beq s0, t6, first_pass
        li t6, 2
        beq s0, t6, second_pass
        li TESTNUM, 4
        li t6, 100 + 300
        bne a0, t6, fail
        j copied_code_check
first_pass:
        li t6, 101
        bne a0, t6, fail
        la t0, patch_site
        li t1, ADDI_A0_A0(200)
        sw t1, 0(t0)
        fence.i
        j patch_loop
second_pass:
        li TESTNUM, 3
        li t6, 300
        bne a0, t6, fail
        la t0, patch_site
        li t1, ADDI_A0_A0(300)
        sw t1, 0(t0)
        fence.i
        j patch_loop

        # copy a small function into RAM that held data and call it
copied_code_check:
        li TESTNUM, 5
        la t0, function_source
        la t1, code_buffer
        li t2, 3                # function_source is 3 instructions
1:      lw t3, 0(t0)
        sw t3, 0(t1)
        addi t0, t0, 4
        addi t1, t1, 4
        addi t2, t2, -1
        bnez t2, 1b
        fence.i
        li a0, 20
        la t0, code_buffer
        jalr ra, 0(t0)
        li t6, 42
        bne a0, t6, fail

        # rewrite the copied function and call it again
        li TESTNUM, 6
        la t0, code_buffer
        li t1, ADDI_A0_A0(-1)
        sw t1, 4(t0)
        fence.i
        li a0, 20
        jalr ra, 0(t0)
        li t6, 39
        bne a0, t6, fail
        .option pop

        # patch a compressed instruction: c.addi a0, 1 becomes c.addi a0, 9
        li TESTNUM, 7
        li s0, 0
c_loop:
        li a0, 0
        .option push
        .option rvc
c_site:
        c.addi a0, 1
        c.nop
        .option pop
        bnez s0, c_second
        li t6, 1
        bne a0, t6, fail
        la t0, c_site
        li t1, 0x0525
        sh t1, 0(t0)
        fence.i
        li s0, 1
        j c_loop
c_second:
        li t6, 9
        bne a0, t6, fail
TEST_END

        .balign 4
        .option push
        .option norvc
function_source:
        add a0, a0, a0
        addi a0, a0, 2
        ret
function_source_end:
        .option pop

        .data
        .balign 64
code_buffer:
        .skip 64
