/* The CLINT of tinyrv's bare machine (and Spike's, QEMU's): msip, mtimecmp, mtime. mtime ticks once
 * every 10 retired instructions. Interrupt bits of mip/mie and the interrupt causes. */
#ifndef TINYRV_ISA_CLINT_H
#define TINYRV_ISA_CLINT_H

#define CLINT_MSIP     0x2000000
#define CLINT_MTIMECMP 0x2004000
#define CLINT_MTIME    0x200bff8

#define MIP_SSIP (1 << 1)
#define MIP_MSIP (1 << 3)
#define MIP_STIP (1 << 5)
#define MIP_MTIP (1 << 7)

#define CAUSE_INTERRUPT (1 << 63)
#define CAUSE_SSI (CAUSE_INTERRUPT | 1)
#define CAUSE_MSI (CAUSE_INTERRUPT | 3)
#define CAUSE_STI (CAUSE_INTERRUPT | 5)
#define CAUSE_MTI (CAUSE_INTERRUPT | 7)

#define MSTATUS_TW   (1 << 21)
#define MENVCFG_STCE (1 << 63)

#endif
