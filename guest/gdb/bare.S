# The bare-metal program scripts/gdb-test.py debugs: M-mode from the entry, a counter stored to
# memory five times, then the count reported through tohost (so the exit status is a0 at `done`,
# which the debugger may change).
        .section .text.init
        .globl _start
_start:
        la t0, value
        li a0, 0
        li a1, 5
loop:
        addi a0, a0, 1
        sd a0, 0(t0)
        blt a0, a1, loop
        .globl done
done:
        slli a0, a0, 1
        ori a0, a0, 1
        la t1, tohost
        sd a0, 0(t1)
1:      j 1b

        .section .tohost, "aw"
        .align 3
        .globl tohost
tohost: .dword 0
        .globl fromhost
fromhost: .dword 0

        .data
        .align 3
        .globl value
value:  .dword 0
