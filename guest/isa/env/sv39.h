/*
 * Sv39 helpers for the ISA suite's paging programs. Page tables are 4 KiB, 512 entries of 8 bytes.
 * The programs identity-map RAM (0x80000000, one 1 GiB gigapage, supervisor-only) so S-mode code and
 * the `fail`/`pass` reporting keep working once translation is on.
 * Scratch registers: t0..t2.
 */
#ifndef TINYRV_ISA_SV39_H
#define TINYRV_ISA_SV39_H

#define PAGE_SIZE 4096
#define MEGAPAGE_SIZE (1 << 21)
#define GIGAPAGE_SIZE (1 << 30)

/* VPN[level] of a virtual address */
#define VPN2(va) (((va) >> 30) & 511)
#define VPN1(va) (((va) >> 21) & 511)
#define VPN0(va) (((va) >> 12) & 511)

/* table[index] = PTE for physical address `pa_label` (a symbol) with `flags` */
.macro SET_PTE table, index, pa_label, flags
        la t0, \pa_label
        srli t0, t0, 12
        slli t0, t0, 10
        ori t0, t0, \flags
        la t1, \table
        li t2, (\index) * 8
        add t1, t1, t2
        sd t0, 0(t1)
.endm

/* table[index] = PTE for the physical address `pa` (a number) with `flags` */
.macro SET_PTE_ABSOLUTE table, index, pa, flags
        li t0, ((\pa) >> 12) << 10 | (\flags)
        la t1, \table
        li t2, (\index) * 8
        add t1, t1, t2
        sd t0, 0(t1)
.endm

/* table[index] = pointer to the next-level table `next` */
.macro SET_POINTER table, index, next
        SET_PTE \table, \index, \next, PTE_V
.endm

/* root[2] maps VA 0x80000000.. to PA 0x80000000.. (1 GiB, RWX, accessed and dirty, S only) */
.macro IDENTITY_MAP_RAM root
        SET_PTE_ABSOLUTE \root, 2, 0x80000000, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D
.endm

/* satp = Sv39 with `root`, then flush the TLB */
.macro ENABLE_SV39 root
        la t0, \root
        srli t0, t0, 12
        li t1, SATP_SV39
        or t0, t0, t1
        csrw satp, t0
        sfence.vma
.endm

#endif
