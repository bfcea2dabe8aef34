// The hot loop's place in memory (see Package.swift, "Hot loop placement"): the linker puts this
// pad first in .text, on a page boundary, and the fast loop (`Hart.runFast`) right after it, so the
// loop always starts 0xe0 bytes into a page, whatever the rest of the binary holds. "R" keeps the
// pad although nothing calls it.
    .section .text.tinyrv_hot_loop_pad,"axR",@progbits
    .p2align 12
    .globl tinyrv_hot_loop_pad
    .type tinyrv_hot_loop_pad,@function
tinyrv_hot_loop_pad:
    .fill 0xe0, 1, 0xcc
    .size tinyrv_hot_loop_pad, 0xe0
    .section .note.GNU-stack,"",@progbits
