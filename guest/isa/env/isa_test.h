/*
 * tinyrv bare-metal ISA suite: program skeleton and reporting.
 *
 * A program is laid out as
 *
 *     #include "isa_test.h"
 *     TEST_BEGIN
 *         ... checks, each starting with TEST_NUMBER n (n >= 2) ...
 *     TEST_END
 *     ... optional .data ...
 *
 * It starts in M-mode at _start. Reporting follows the HTIF convention: the program stores 1 to
 * `tohost` when every check passed, or (n << 1) | 1 when check n failed, and `tinyrv run --bare`
 * exits with the stored value >> 1 (0 = pass, n = failed check). A trap that nothing expected
 * fails the current check through `unexpected_trap`.
 *
 * Register conventions: gp holds the current check number; t0..t6 and a0..a7 are scratch;
 * s0..s11 survive the macros. The checking macros are in checks.h.
 */
#ifndef TINYRV_ISA_TEST_H
#define TINYRV_ISA_TEST_H

#include "csr.h"

#define TESTNUM gp

/* Sets the number reported if the following code fails. */
#define TEST_NUMBER(n) li TESTNUM, n

#define TEST_BEGIN                                                        \
        .section .text.init, "ax", @progbits;                             \
        .globl _start;                                                    \
_start:                                                                   \
        li TESTNUM, 0;                                                    \
        /* PMP entry 0 grants S and U all of memory (skipped if absent) */\
        la t0, 1f;                                                        \
        csrw mtvec, t0;                                                   \
        li t0, -1;                                                        \
        csrw pmpaddr0, t0;                                                \
        li t0, 0x1f;                                                      \
        csrw pmpcfg0, t0;                                                 \
        .align 2;                                                         \
1:      la t0, unexpected_trap;                                           \
        csrw mtvec, t0;                                                   \
        j test_body;                                                      \
        .align 2;                                                         \
unexpected_trap:                                                          \
        csrr s10, mcause;                                                 \
        csrr s11, mepc;                                                   \
        j fail;                                                           \
        .balign 4;                                                        \
test_body:

/* Ends the checks: falls through to pass; `fail` reports TESTNUM. */
#define TEST_END                                                          \
pass:                                                                     \
        li t0, 1;                                                         \
        j report;                                                         \
fail:                                                                     \
        bnez TESTNUM, 1f;                                                 \
        li TESTNUM, 1;                                                    \
1:      slli t0, TESTNUM, 1;                                              \
        ori t0, t0, 1;                                                    \
report:                                                                   \
        la t1, tohost;                                                    \
        fence;                                                            \
        sd t0, 0(t1);                                                     \
2:      j 2b;                                                             \
        .pushsection .tohost, "aw", @progbits;                            \
        .balign 8;                                                        \
        .globl tohost;                                                    \
tohost: .dword 0;                                                         \
        .size tohost, 8;                                                  \
        .balign 8;                                                        \
        .globl fromhost;                                                  \
fromhost: .dword 0;                                                       \
        .size fromhost, 8;                                                \
        .popsection

#include "checks.h"

#endif
