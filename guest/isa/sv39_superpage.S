# Sv39 superpages and permission modifiers, checked from S-mode (faults go to an M-mode recorder):
# a 1 GiB gigapage and a 2 MiB megapage alias RAM; a misaligned megapage faults; SUM lets S load
# and store U pages but never execute them; MXR lets S load execute-only pages; a non-canonical
# address faults; a changed PTE is seen after sfence.vma; and M-mode loads with MPRV = 1 and
# MPP = S go through the page tables.
#include "isa_test.h"
#include "sv39.h"

#define GIGA_ALIAS_VA   0xc0000000      /* root[3] -> PA 0x80000000 */
#define MEGA_VA         0x40000000      /* level1[0] -> PA 0x80200000 */
#define MISALIGNED_VA   0x40200000      /* level1[1] -> PA 0x80201000: misaligned megapage */
#define USER_PAGE_VA    0x40400000      /* level0[0] -> user_page, U */
#define EXEC_ONLY_VA    0x40401000      /* level0[1] -> user_page, X only */
#define USER_CODE_VA    0x40402000      /* level0[2] -> user_code, U + R + X */
#define MEGA_PA         0x80200000

/* In S: forget the last recorded trap */
.macro S_EXPECT
        li s2, -1
        li s3, -1
        li s4, -1
.endm

TEST_BEGIN
        .option push
        .option norvc
        IDENTITY_MAP_RAM root
        SET_PTE_ABSOLUTE root, 3, 0x80000000, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        SET_POINTER root, 1, level1
        SET_PTE_ABSOLUTE level1, 0, MEGA_PA, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        SET_PTE_ABSOLUTE level1, 1, MEGA_PA + PAGE_SIZE, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        SET_POINTER level1, 2, level0
        SET_PTE level0, 0, user_page, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D
        SET_PTE level0, 1, user_page, PTE_V | PTE_X | PTE_A
        SET_PTE level0, 2, user_code, PTE_V | PTE_R | PTE_X | PTE_U | PTE_A
        csrw medeleg, zero
        SET_MTVEC machine_trap
        ENABLE_SV39 root
        li s6, 0
        li t0, MSTATUS_MPP | MSTATUS_SUM | MSTATUS_MXR
        csrc mstatus, t0
        li t0, MSTATUS_MPP_S
        csrs mstatus, t0
        la t0, in_supervisor
        csrw mepc, t0
        mret

in_supervisor:
        # a gigapage alias of RAM
        li TESTNUM, 2
        la t0, pattern
        li t1, GIGA_ALIAS_VA - 0x80000000
        add t1, t0, t1
        ld t2, 0(t1)
        li t6, 0x0123456789abcdef
        bne t2, t6, fail
        li t3, 0x55
        sd t3, 8(t1)
        ld t2, 8(t0)
        bne t2, t3, fail

        # a megapage alias: written through the identity map, read through MEGA_VA
        li TESTNUM, 3
        li t0, MEGA_PA + 0x1ff008
        li t1, 0x7777
        sd t1, 0(t0)
        li t0, MEGA_VA + 0x1ff008
        ld t2, 0(t0)
        bne t2, t1, fail

        # a megapage whose PPN[0] is not zero is a page fault
        S_EXPECT
        li t0, MISALIGNED_VA + 16
misaligned_load:
        ld t1, 0(t0)
        CHECK_TRAP 4, CAUSE_LOAD_PAGE_FAULT, MISALIGNED_VA + 16, misaligned_load

        # SUM = 0: S may not touch U pages
        S_EXPECT
        li t0, USER_PAGE_VA
user_load_without_sum:
        ld t1, 0(t0)
        CHECK_TRAP 5, CAUSE_LOAD_PAGE_FAULT, USER_PAGE_VA, user_load_without_sum
        S_EXPECT
user_store_without_sum:
        sd t1, 8(t0)
        CHECK_TRAP 6, CAUSE_STORE_PAGE_FAULT, USER_PAGE_VA + 8, user_store_without_sum

        # SUM = 1: loads and stores work
        li TESTNUM, 7
        li t1, MSTATUS_SUM
        csrs sstatus, t1
        ld t2, 0(t0)
        li t6, 0xfeedface
        bne t2, t6, fail
        li t3, 0x99
        sd t3, 8(t0)
        ld t2, 8(t0)
        bne t2, t3, fail

        # ... but S still may not execute from a U page
        S_EXPECT
        li t0, USER_CODE_VA
        jalr ra, 0(t0)
        li TESTNUM, 8
        li t6, CAUSE_FETCH_PAGE_FAULT
        bne s2, t6, fail
        li t6, USER_CODE_VA
        bne s3, t6, fail
        bne s4, t6, fail
        li t1, MSTATUS_SUM
        csrc sstatus, t1

        # MXR = 0: an execute-only page is not readable
        S_EXPECT
        li t0, EXEC_ONLY_VA
exec_only_load:
        ld t1, 0(t0)
        CHECK_TRAP 9, CAUSE_LOAD_PAGE_FAULT, EXEC_ONLY_VA, exec_only_load

        # MXR = 1: it is
        li TESTNUM, 10
        li t1, MSTATUS_MXR
        csrs sstatus, t1
        ld t2, 0(t0)
        li t6, 0xfeedface
        bne t2, t6, fail
        li t1, MSTATUS_MXR
        csrc sstatus, t1

        # addresses whose bits 63..39 are not copies of bit 38 fault
        S_EXPECT
        li t0, 0x0000008000000000
noncanonical_load:
        ld t1, 0(t0)
        CHECK_TRAP 11, CAUSE_LOAD_PAGE_FAULT, 0x0000008000000000, noncanonical_load
        S_EXPECT
        li t0, 0xffffff0080000000
noncanonical_store:
        sd t1, 0(t0)
        CHECK_TRAP 12, CAUSE_STORE_PAGE_FAULT, 0xffffff0080000000, noncanonical_store

        # a PTE changed in memory is used after sfence.vma
        li TESTNUM, 13
        li t0, MEGA_VA + 0x1ff008
        ld t1, 0(t0)
        la t2, level1
        li t3, ((MEGA_PA + MEGAPAGE_SIZE) >> 12) << 10 | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        sd t3, 0(t2)
        sfence.vma
        li t3, MEGA_PA + MEGAPAGE_SIZE + 0x1ff008
        li t4, 0x4242
        sd t4, 0(t3)
        ld t1, 0(t0)
        bne t1, t4, fail

        # back to M through an ecall
        la s5, machine_again
        li s6, 1
        ecall
        j fail

machine_again:
        # MPRV = 1, MPP = S: M-mode loads are translated with S permissions
        li TESTNUM, 14
        li t0, MSTATUS_MPP
        csrc mstatus, t0
        li t0, MSTATUS_MPP_S | MSTATUS_MPRV
        csrs mstatus, t0
        li t1, MEGA_VA + 0x1ff008
        ld t2, 0(t1)
        li t0, MSTATUS_MPRV
        csrc mstatus, t0
        li t6, 0x4242
        bne t2, t6, fail
        # clearing MPRV really cleared it
        li TESTNUM, 15
        csrr t0, mstatus
        li t1, MSTATUS_MPRV
        and t0, t0, t1
        bnez t0, fail
        .option pop
TEST_END

        .balign 4
        .option push
        .option norvc
        # M-mode trap handler: with s6 = 1 an ecall resumes at s5 in M; a fetch fault resumes at
        # ra; anything else resumes after the 4-byte instruction. s2..s4 = mcause, mtval, mepc.
machine_trap:
        beqz s6, 1f
        li s6, 0
        jr s5
1:      csrr s2, mcause
        csrr s3, mtval
        csrr s4, mepc
        li t5, CAUSE_FETCH_PAGE_FAULT
        beq s2, t5, 2f
        addi t5, s4, 4
        csrw mepc, t5
        mret
2:      csrw mepc, ra
        mret
        .option pop

        .data
        .balign 8
pattern: .dword 0x0123456789abcdef, 0

        .balign PAGE_SIZE
user_page:
        .dword 0xfeedface, 0
        .balign PAGE_SIZE
user_code:
        ret

        .bss
        .balign PAGE_SIZE
root:   .skip PAGE_SIZE
level1: .skip PAGE_SIZE
level0: .skip PAGE_SIZE
