/*
 * crt0.S: the entry point of every tinyrv guest test program.
 *
 * The kernel starts the program at _start with the Linux initial stack (design.md, Memory: Stack):
 *   0(sp) argc, 8(sp) argv[0] ... argv[argc-1], NULL, envp[0] ... NULL, auxv pairs ..., AT_NULL
 * with sp 16-byte aligned and every other register zero. _start sets gp for linker relaxation,
 * records the initial sp and envp, calls main(argc, argv, envp) and exits with main's return value.
 */
    .section .text._start, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    mv s0, zero
    mv ra, zero
    la t0, tinyrv_initial_sp
    sd sp, 0(t0)
    ld a0, 0(sp)            /* argc */
    addi a1, sp, 8          /* argv */
    slli t1, a0, 3
    add a2, a1, t1
    addi a2, a2, 8          /* envp = argv + argc + 1 */
    la t0, environ
    sd a2, 0(t0)
    call main
    call exit
    .size _start, . - _start

    .section .bss, "aw", @nobits
    .balign 8
    .globl tinyrv_initial_sp
    .type tinyrv_initial_sp, @object
tinyrv_initial_sp:
    .zero 8
    .size tinyrv_initial_sp, 8
    .globl environ
    .type environ, @object
environ:
    .zero 8
    .size environ, 8
