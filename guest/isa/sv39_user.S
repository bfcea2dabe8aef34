# Sv39 with an S-mode kernel and U-mode code: M sets up page tables (RAM identity-mapped for S,
# user code and data at VA 0x400000/0x401000), delegates U ecalls and page faults through medeleg
# and enters S; S enters U with sret. U-mode faults (load from an unmapped page, store to a
# read-only page, fetch from a non-executable page, access to a supervisor page) and ecalls arrive
# in the S-mode handler with the right scause, stval and sepc; each check's result travels back
# to S in registers.
#include "isa_test.h"
#include "sv39.h"

#define USER_CODE_VA 0x400000
#define USER_DATA_VA 0x401000
#define USER_RO_VA   0x402000
#define USER_NX_VA   0x403000
#define USER_SUPERVISOR_VA 0x404000
#define UNMAPPED_VA  0x405000

TEST_BEGIN
        .option push
        .option norvc
        SET_POINTER root, VPN2(USER_CODE_VA), level1
        SET_POINTER level1, VPN1(USER_CODE_VA), level0
        SET_PTE level0, VPN0(USER_CODE_VA), user_code, PTE_V | PTE_R | PTE_X | PTE_U | PTE_A
        SET_PTE level0, VPN0(USER_DATA_VA), user_data, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D
        SET_PTE level0, VPN0(USER_RO_VA), user_data, PTE_V | PTE_R | PTE_U | PTE_A
        SET_PTE level0, VPN0(USER_NX_VA), user_code, PTE_V | PTE_R | PTE_U | PTE_A
        SET_PTE level0, VPN0(USER_SUPERVISOR_VA), user_data, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        IDENTITY_MAP_RAM root

        li t0, (1 << CAUSE_USER_ECALL) | (1 << CAUSE_FETCH_PAGE_FAULT) | (1 << CAUSE_LOAD_PAGE_FAULT) | (1 << CAUSE_STORE_PAGE_FAULT)
        csrw medeleg, t0
        la t0, supervisor_trap
        csrw stvec, t0
        ENABLE_SV39 root

        # enter S-mode at supervisor_main
        li t0, MSTATUS_MPP
        csrc mstatus, t0
        li t0, MSTATUS_MPP_S
        csrs mstatus, t0
        la t0, supervisor_main
        csrw mepc, t0
        mret

supervisor_main:
        # U-mode starts at USER_CODE_VA with SPP = U
        li TESTNUM, 2
        li t0, MSTATUS_SPP
        csrc sstatus, t0
        li t0, USER_CODE_VA
        csrw sepc, t0
        li s2, -1
        sret

        # the S-mode trap handler (uses only t5 besides its outputs): s2 = scause, s3 = stval, s4 = sepc; an ecall carries a request
        # in a7 (1 = check the value in a0 against s5 for check number a1; 2 = all done)
        .balign 4
supervisor_trap:
        csrr s2, scause
        csrr s3, stval
        csrr s4, sepc
        li t5, CAUSE_FETCH_PAGE_FAULT
        beq s2, t5, resume_at_return_address
        li t5, CAUSE_USER_ECALL
        bne s2, t5, resume_after_fault
        li t5, 1
        beq a7, t5, user_check
        li t5, 2
        beq a7, t5, pass
        li TESTNUM, 99
        j fail
user_check:
        mv TESTNUM, a1
        bne a0, s5, fail
        csrr t5, sstatus
        andi t5, t5, MSTATUS_SPP
        bnez t5, fail
resume_after_fault:
        addi t5, s4, 4
        csrw sepc, t5
        sret
resume_at_return_address:
        csrw sepc, ra
        sret
        .option pop
TEST_END

/* U-mode helper: ask S to check that `reg` == `expected` as check `num` */
.macro USER_CHECK num, reg, expected
        mv a0, \reg
        li s5, \expected
        li a1, \num
        li a7, 1
        ecall
.endm

/* U-mode helper: ask S to check the last fault (cause, tval, sepc = label's VA) as check `num` */
.macro USER_CHECK_FAULT num, cause, tval, site
        mv s7, s3
        mv s8, s4
        li a1, \num
        li s5, \cause
        mv a0, s2
        li a7, 1
        ecall
        li a1, \num
        li s5, \tval
        mv a0, s7
        ecall
        li a1, \num
        la s5, \site              # pc-relative: the VA of the site
        mv a0, s8
        ecall
.endm

        .balign PAGE_SIZE
        .option push
        .option norvc
user_code:
        # loads and stores through the user data page
        li t0, USER_DATA_VA
        ld t1, 0(t0)
        USER_CHECK 3, t1, 0x1122334455667788
        li t1, 0x5a5a
        sd t1, 8(t0)
        li t0, USER_RO_VA
        ld t2, 8(t0)
        USER_CHECK 4, t2, 0x5a5a

        # a load from an unmapped page: load page fault with stval = the address
        li t0, UNMAPPED_VA + 0x10
unmapped_load:
        ld t1, 0(t0)
        USER_CHECK_FAULT 5, CAUSE_LOAD_PAGE_FAULT, UNMAPPED_VA + 0x10, unmapped_load

        # a store to a read-only page: store page fault
        li t0, USER_RO_VA + 8
readonly_store:
        sd t0, 0(t0)
        USER_CHECK_FAULT 6, CAUSE_STORE_PAGE_FAULT, USER_RO_VA + 8, readonly_store

        # an AMO on a read-only page is a store page fault too
        li t0, USER_RO_VA
readonly_amo:
        amoadd.d t1, t0, (t0)
        USER_CHECK_FAULT 7, CAUSE_STORE_PAGE_FAULT, USER_RO_VA, readonly_amo

        # a call into a page without X: instruction page fault with stval = the target; the
        # handler resumes at the return address
        li s2, 0
        li t0, USER_NX_VA + 0x20
        jalr ra, 0(t0)
after_nx:
        mv s7, s3
        USER_CHECK 8, s2, CAUSE_FETCH_PAGE_FAULT
        USER_CHECK 9, s7, USER_NX_VA + 0x20

        # a supervisor-only page is out of reach for U
        li t0, USER_SUPERVISOR_VA
supervisor_page_load:
        ld t1, 0(t0)
        USER_CHECK_FAULT 10, CAUSE_LOAD_PAGE_FAULT, USER_SUPERVISOR_VA, supervisor_page_load

        # the RAM identity map is supervisor-only too
        li t0, 0x80000000
ram_load:
        lw t1, 0(t0)
        USER_CHECK_FAULT 11, CAUSE_LOAD_PAGE_FAULT, 0x80000000, ram_load

        li a7, 2
        ecall
        .option pop

        .data
        .balign PAGE_SIZE
user_data:
        .dword 0x1122334455667788
        .dword 0

        .bss
        .balign PAGE_SIZE
root:   .skip PAGE_SIZE
level1: .skip PAGE_SIZE
level0: .skip PAGE_SIZE
