/* A static-pie program (ET_DYN, no PT_INTERP) without libc: _start applies its own R_RISCV_RELATIVE
 * relocations, as glibc's static-pie start-up does, then prints through a table of pointers that only
 * holds the right addresses once relocated. Debian's riscv64 glibc ships no rcrt1.o, so this is the
 * static-pie the toolchain can build. */
#include <elf.h>
#include <stddef.h>

extern Elf64_Dyn _DYNAMIC[] __attribute__((visibility("hidden")));
extern char __ehdr_start[] __attribute__((visibility("hidden")));

static long raw_syscall(long number, long a0, long a1, long a2) {
    register long x10 __asm__("a0") = a0;
    register long x11 __asm__("a1") = a1;
    register long x12 __asm__("a2") = a2;
    register long x17 __asm__("a7") = number;
    __asm__ volatile("ecall" : "+r"(x10) : "r"(x11), "r"(x12), "r"(x17) : "memory");
    return x10;
}

static const char first[] = "relocated pointer one\n";
static const char second[] = "relocated pointer two\n";
const char *messages[] = {first, second};

static size_t length(const char *text) {
    size_t n = 0;
    while (text[n]) n++;
    return n;
}

/* Applies every R_RISCV_RELATIVE of DT_RELA; returns how many, or -1 for another relocation type. */
static long relocate(unsigned long base) {
    Elf64_Rela *rela = 0;
    unsigned long size = 0;
    for (Elf64_Dyn *entry = _DYNAMIC; entry->d_tag != DT_NULL; entry++) {
        if (entry->d_tag == DT_RELA) rela = (Elf64_Rela *)(base + entry->d_un.d_ptr);
        if (entry->d_tag == DT_RELASZ) size = entry->d_un.d_val;
    }
    long count = 0;
    for (unsigned long i = 0; rela && i < size / sizeof *rela; i++) {
        if (ELF64_R_TYPE(rela[i].r_info) != R_RISCV_RELATIVE) return -1;
        *(unsigned long *)(base + rela[i].r_offset) = base + rela[i].r_addend;
        count++;
    }
    return count;
}

void start_c(void) {
    unsigned long base = (unsigned long)__ehdr_start;
    long count = relocate(base);
    if (count < 1) raw_syscall(93, 2, 0, 0);
    const char **volatile table = messages; /* read the table itself, not the constants behind it */
    for (int i = 0; i < 2; i++) raw_syscall(64, 1, (long)table[i], (long)length(table[i]));
    raw_syscall(93, 5, 0, 0);
}

__asm__(".globl _start\n_start:\n  .option push\n  .option norelax\n  lla gp, __global_pointer$\n  .option pop\n  call start_c\n");
