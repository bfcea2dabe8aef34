# Demand paging by an S-mode page-fault handler under Sv39: nothing of the user's address space
# is mapped when U-mode starts. The handler maps the code page on the first instruction fetch and
# a fresh zeroed frame on the first touch of each data page (PTE written, sfence.vma, sret to
# retry). PTEs are created without A/D; the handler sets them when the hart reports a fault
# instead of setting them itself, so either policy works. At the end S checks the number of
# frames handed out, the data, and that every touched PTE has A (and D where written).
#include "isa_test.h"
#include "sv39.h"

#define USER_CODE_VA 0x400000
#define DATA_VA      0x10000000
#define DATA_PAGES   8

TEST_BEGIN
        .option push
        .option norvc
        SET_POINTER root, VPN2(USER_CODE_VA), level1
        SET_POINTER level1, VPN1(USER_CODE_VA), code_level0
        SET_POINTER level1, VPN1(DATA_VA), data_level0
        IDENTITY_MAP_RAM root
        li t0, (1 << CAUSE_USER_ECALL) | (1 << CAUSE_FETCH_PAGE_FAULT) | (1 << CAUSE_LOAD_PAGE_FAULT) | (1 << CAUSE_STORE_PAGE_FAULT)
        csrw medeleg, t0
        la t0, supervisor_trap
        csrw stvec, t0
        ENABLE_SV39 root
        li t0, MSTATUS_MPP
        csrc mstatus, t0
        li t0, MSTATUS_MPP_S
        csrs mstatus, t0
        la t0, supervisor_main
        csrw mepc, t0
        mret

supervisor_main:
        li TESTNUM, 2
        la s9, frames           # next free frame
        li s10, 0               # frames handed out
        li s11, 0               # faults that only needed A or D
        li t0, MSTATUS_SPP
        csrc sstatus, t0
        li t0, USER_CODE_VA
        csrw sepc, t0
        sret

        # S-mode trap handler; uses t3..t5 only
supervisor_trap:
        csrr t3, scause
        li t4, CAUSE_USER_ECALL
        beq t3, t4, user_ecall
        li t4, CAUSE_FETCH_PAGE_FAULT
        beq t3, t4, map_code
        li t4, CAUSE_LOAD_PAGE_FAULT
        beq t3, t4, map_data
        li t4, CAUSE_STORE_PAGE_FAULT
        beq t3, t4, map_data
        li TESTNUM, 90
        j fail

        # the first fetch maps the user code page (R+X+U), without A
map_code:
        li TESTNUM, 3
        csrr t3, stval
        li t4, -PAGE_SIZE
        and t3, t3, t4
        li t4, USER_CODE_VA
        bne t3, t4, fail
        la t4, code_level0 + VPN0(USER_CODE_VA) * 8
        ld t5, 0(t4)
        bnez t5, set_accessed
        la t5, user_code
        srli t5, t5, 12
        slli t5, t5, 10
        ori t5, t5, PTE_V | PTE_R | PTE_X | PTE_U
        sd t5, 0(t4)
        addi s10, s10, 1
        j retry

        # a data fault inside the data window maps a fresh frame (R+W+U), without A/D
map_data:
        li TESTNUM, 4
        csrr t3, stval
        li t4, DATA_VA
        sub t3, t3, t4
        bltz t3, fail
        srli t3, t3, 12
        li t4, DATA_PAGES
        bgeu t3, t4, fail
        slli t3, t3, 3
        la t4, data_level0
        add t4, t4, t3
        ld t5, 0(t4)
        bnez t5, set_accessed_or_dirty
        srli t5, s9, 12
        slli t5, t5, 10
        ori t5, t5, PTE_V | PTE_R | PTE_W | PTE_U
        sd t5, 0(t4)
        li t3, PAGE_SIZE
        add s9, s9, t3
        addi s10, s10, 1
        j retry

        # the PTE at t4 exists: the hart reported a missing A (or D for a store) instead of setting it
set_accessed_or_dirty:
        andi t3, t5, PTE_A
        beqz t3, set_accessed
        csrr t3, scause
        li TESTNUM, 5
        li t6, CAUSE_STORE_PAGE_FAULT
        bne t3, t6, fail
        andi t3, t5, PTE_D
        bnez t3, fail
        ori t5, t5, PTE_D
        sd t5, 0(t4)
        addi s11, s11, 1
        j retry
set_accessed:
        ori t5, t5, PTE_A
        sd t5, 0(t4)
        addi s11, s11, 1

retry:
        csrr t3, stval
        sfence.vma t3
        sret

user_ecall:
        li t3, 1
        beq a7, t3, user_check
        # a7 = 2: U is done; check the bookkeeping
        li TESTNUM, 20
        li t6, DATA_PAGES + 1
        bne s10, t6, fail
        li TESTNUM, 21
        la t3, frames
        li t4, DATA_PAGES * PAGE_SIZE
        add t3, t3, t4
        bne s9, t3, fail
        # every data PTE is valid, accessed and dirty (written in each page)
        li TESTNUM, 22
        la t3, data_level0
        li t4, DATA_PAGES
1:      ld t5, 0(t3)
        andi t5, t5, PTE_V | PTE_A | PTE_D
        li t6, PTE_V | PTE_A | PTE_D
        bne t5, t6, fail
        addi t3, t3, 8
        addi t4, t4, -1
        bnez t4, 1b
        # the code PTE is accessed and was never made writable
        li TESTNUM, 23
        la t3, code_level0
        ld t5, VPN0(USER_CODE_VA) * 8(t3)
        andi t6, t5, PTE_A
        beqz t6, fail
        andi t6, t5, PTE_W
        bnez t6, fail
        # the frames hold what U wrote (read through the identity map); the first frame went to
        # page 5, which U touched first
        li TESTNUM, 24
        la t3, frames
        ld t5, 8(t3)
        li t6, 0x6000
        bne t5, t6, fail
        j pass

user_check:
        mv TESTNUM, a1
        bne a0, s5, fail
        csrr t3, sepc
        addi t3, t3, 4
        csrw sepc, t3
        sret
        .option pop
TEST_END

.macro USER_CHECK num, reg, expected
        mv a0, \reg
        li s5, \expected
        li a1, \num
        li a7, 1
        ecall
.endm

        .balign PAGE_SIZE
        .option push
        .option norvc
user_code:
        # a fresh page reads as zero
        li t0, DATA_VA + 5 * PAGE_SIZE
        ld t1, 16(t0)
        USER_CHECK 10, t1, 0
        # write (page index + 1) * 0x1000 at offset 8 of every page, then read them all back
        li t0, DATA_VA
        li t1, 0x1000
        li t2, DATA_PAGES
1:      sd t1, 8(t0)
        li a2, PAGE_SIZE
        add t0, t0, a2
        li a2, 0x1000
        add t1, t1, a2
        addi t2, t2, -1
        bnez t2, 1b
        li t0, DATA_VA
        li t2, DATA_PAGES
        li t1, 0
2:      ld a2, 8(t0)
        add t1, t1, a2
        li a2, PAGE_SIZE
        add t0, t0, a2
        addi t2, t2, -1
        bnez t2, 2b
        USER_CHECK 11, t1, 0x1000 * (DATA_PAGES * (DATA_PAGES + 1) / 2)
        # an AMO on a demand-mapped page
        li t0, DATA_VA + 3 * PAGE_SIZE + 8
        li t1, 5
        amoadd.d t2, t1, (t0)
        USER_CHECK 12, t2, 0x4000
        ld t2, 0(t0)
        USER_CHECK 13, t2, 0x4005
        li a7, 2
        ecall
        .option pop

        .bss
        .balign PAGE_SIZE
root:        .skip PAGE_SIZE
level1:      .skip PAGE_SIZE
code_level0: .skip PAGE_SIZE
data_level0: .skip PAGE_SIZE
frames:      .skip PAGE_SIZE * DATA_PAGES
