/*
 * initial-stack: the kernel's initial stack is Linux-style. sp is 16-byte aligned and inside the top
 * stack page; argv and envp are NULL-terminated; the auxv carries AT_PAGESZ = 4096, AT_PHDR, AT_PHNUM,
 * AT_ENTRY = _start and AT_RANDOM (16 readable bytes), and ends with AT_NULL.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\n");

#define AT_NULL 0
#define AT_PHDR 3
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_ENTRY 9
#define AT_RANDOM 25

extern void _start(void);

int main(int argc, char **argv, char **envp) {
    CHECK_EQ(tinyrv_initial_sp % 16, 0);
    CHECK(tinyrv_initial_sp < USTACK_UPPERBOUND);
    CHECK(tinyrv_initial_sp >= USTACK_UPPERBOUND - USTACK_PAGES * PAGE_SIZE);
    CHECK_EQ(*(long *)tinyrv_initial_sp, argc);
    CHECK(argv == (char **)(tinyrv_initial_sp + 8));
    CHECK(argv[argc] == 0);
    CHECK(envp == environ);
    char **end_of_envp = envp;
    while (*end_of_envp) end_of_envp++;

    unsigned long *auxv = (unsigned long *)(end_of_envp + 1);
    unsigned long page_size = 0, phdr = 0, phnum = 0, entry = 0, random = 0;
    int entries = 0;
    for (; auxv[0] != AT_NULL; auxv += 2, entries++) {
        CHECK(entries < 64);
        switch (auxv[0]) {
        case AT_PAGESZ: page_size = auxv[1]; break;
        case AT_PHDR: phdr = auxv[1]; break;
        case AT_PHNUM: phnum = auxv[1]; break;
        case AT_ENTRY: entry = auxv[1]; break;
        case AT_RANDOM: random = auxv[1]; break;
        }
    }
    CHECK_EQ(page_size, 4096);
    CHECK(phdr != 0);
    CHECK(phnum >= 1);
    CHECK_EQ(entry, (uintptr_t)&_start);
    CHECK(random != 0);
    volatile unsigned char *random_bytes = (volatile unsigned char *)random;
    unsigned sum = 0;
    for (int i = 0; i < 16; i++) sum += random_bytes[i];
    (void)sum;
    return 0;
}
