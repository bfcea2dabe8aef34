# C extension: every RV64C integer encoding written with its explicit c. mnemonic, 32-bit
# instructions at 2-byte-aligned addresses, and c.ebreak trapping with mepc at the 16-bit
# instruction.
#include "isa_test.h"

TEST_BEGIN
        .option push
        .option rvc
        # stack-pointer based forms
        li TESTNUM, 2
        la sp, stack_top
        c.addi4spn a0, sp, 1020
        addi t6, sp, 1020
        bne a0, t6, fail
        c.addi16sp sp, -512
        la t6, stack_top - 512
        bne sp, t6, fail
        c.addi16sp sp, 496
        la t6, stack_top - 16
        bne sp, t6, fail

        li TESTNUM, 3
        li a1, 0x123456789
        c.sdsp a1, 8(sp)
        c.ldsp a2, 8(sp)
        bne a1, a2, fail
        li a1, 0x80000001
        c.swsp a1, 4(sp)
        c.lwsp a2, 4(sp)
        li t6, 0xffffffff80000001
        bne a2, t6, fail

        # register-based loads and stores (x8..x15)
        li TESTNUM, 4
        la s0, cells
        li a5, -2
        c.sd a5, 8(s0)
        c.ld a4, 8(s0)
        bne a4, a5, fail
        li a5, 0xfedcba98
        c.sw a5, 4(s0)
        c.lw a3, 4(s0)
        li t6, 0xfffffffffedcba98
        bne a3, t6, fail

        # immediates
        li TESTNUM, 5
        c.li a0, -32
        li t6, -32
        bne a0, t6, fail
        c.li a0, 31
        c.addi a0, -16
        li t6, 15
        bne a0, t6, fail
        c.nop
        c.lui a1, 0xfffe1
        li t6, 0xfffffffffffe1000
        bne a1, t6, fail
        c.lui a1, 0x1f
        li t6, 0x1f000
        bne a1, t6, fail

        li TESTNUM, 6
        li a0, 0x7fffffff
        c.addiw a0, 1
        li t6, 0xffffffff80000000
        bne a0, t6, fail
        li a0, 0x100000005
        c.addiw a0, 0
        li t6, 5
        bne a0, t6, fail

        # shifts and logic on x8..x15
        li TESTNUM, 7
        li s1, -16
        c.srli s1, 60
        li t6, 0xf
        bne s1, t6, fail
        li s1, 0x8000000000000000
        c.srai s1, 63
        li t6, -1
        bne s1, t6, fail
        li s1, 0xff
        c.andi s1, -16
        li t6, 0xf0
        bne s1, t6, fail
        li a0, 1
        c.slli a0, 63
        li t6, 0x8000000000000000
        bne a0, t6, fail

        li TESTNUM, 8
        li s0, 20
        li s1, 6
        c.sub s0, s1
        li t6, 14
        bne s0, t6, fail
        c.xor s0, s1
        li t6, 8
        bne s0, t6, fail
        c.or s0, s1
        li t6, 14
        bne s0, t6, fail
        c.and s0, s1
        li t6, 6
        bne s0, t6, fail
        li s0, 0x7fffffff
        li s1, 1
        c.addw s0, s1
        li t6, 0xffffffff80000000
        bne s0, t6, fail
        li s1, -1
        c.subw s0, s1
        li t6, 0xffffffff80000001
        bne s0, t6, fail

        # register moves and adds
        li TESTNUM, 9
        li a1, 0x123
        c.mv t0, a1
        c.add t0, a1
        li t6, 0x246
        bne t0, t6, fail

        # jumps and branches
        li TESTNUM, 10
        c.j 1f
        j fail
1:      li a0, 0
        c.beqz a0, 2f
        j fail
2:      c.bnez a0, fail
        li a0, 1
        c.bnez a0, 3f
        j fail
3:      c.beqz a0, fail

        li TESTNUM, 11
        la t0, 4f
        c.jr t0
        j fail
4:      la t0, 5f
jalr_site:
        c.jalr t0
        j fail
5:      la t1, jalr_site + 2
        bne ra, t1, fail

        # a 32-bit instruction at an address that is only 2-byte aligned
        li TESTNUM, 12
        .balign 4
        c.nop
        addi t0, zero, 77
        li t6, 77
        bne t0, t6, fail

        # c.ebreak: cause 3, mepc at the c.ebreak; the handler resumes 2 bytes later
        li TESTNUM, 13
        SET_MTVEC breakpoint_handler
        li s2, 0
ebreak_site:
        c.ebreak
        li t6, 1
        bne s2, t6, fail
        .option pop
        SET_MTVEC unexpected_trap
TEST_END

        .balign 4
breakpoint_handler:
        csrr t0, mcause
        li t1, CAUSE_BREAKPOINT
        bne t0, t1, fail
        csrr t0, mepc
        la t1, ebreak_site
        bne t0, t1, fail
        addi t0, t0, 2
        csrw mepc, t0
        li s2, 1
        mret

        .data
        .balign 8
cells:  .dword 0, 0
        .balign 16
stack:  .skip 2048
stack_top:
