/* Syscall- and page-fault-heavy work: cheap system calls in a loop (getpid, getuid, gettid, lseek on
 * stdout), then fresh anonymous memory touched page by page, both from mmap-sized malloc blocks (munmapped
 * on free) and from a brk heap that malloc trims back after each round. Prints only host-independent facts.
 * usage: syscalls [SCALE]   (SCALE multiplies the loop counts; default 1) */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#define DEFAULT_SYSCALL_ROUNDS 600000
#define DEFAULT_MMAP_ROUNDS 1200
#define DEFAULT_BRK_ROUNDS 400
#define PAGE 4096
#define MMAP_BLOCK (1024 * 1024)
#define BRK_BLOCK (16 * 1024)
#define BRK_BLOCKS 64

static long cheap_syscalls(long rounds)
{
    long consistent = 0;
    long pid = syscall(SYS_getpid), uid = syscall(SYS_getuid), tid = syscall(SYS_gettid);
    for (long i = 0; i < rounds; i++) {
        consistent += syscall(SYS_getpid) == pid;
        consistent += syscall(SYS_getuid) == uid;
        consistent += syscall(SYS_gettid) == tid;
        consistent += lseek(-1, 0, SEEK_CUR) == -1;
    }
    return consistent;
}

/* Writes one word per page of a fresh block and reads them back; returns a checksum. */
static uint64_t touch(unsigned char *block, size_t size, uint64_t salt)
{
    uint64_t sum = 0;
    for (size_t offset = 0; offset < size; offset += PAGE) *(uint64_t *)(block + offset) = offset ^ salt;
    for (size_t offset = 0; offset < size; offset += PAGE) sum = sum * 31 + *(uint64_t *)(block + offset + 8) +
                                                                 *(uint64_t *)(block + offset);
    return sum;
}

int main(int argc, char **argv)
{
    double scale = argc > 1 ? atof(argv[1]) : 1.0;
    long syscall_rounds = (long)(DEFAULT_SYSCALL_ROUNDS * scale), mmap_rounds = (long)(DEFAULT_MMAP_ROUNDS * scale),
         brk_rounds = (long)(DEFAULT_BRK_ROUNDS * scale);
    /* Fixed thresholds: blocks of 64 KiB and more come from mmap, and a free top of 64 KiB is trimmed. */
    mallopt(M_MMAP_THRESHOLD, 64 * 1024);
    mallopt(M_TRIM_THRESHOLD, 64 * 1024);
    mallopt(M_TOP_PAD, 0);

    long consistent = cheap_syscalls(syscall_rounds);

    uint64_t mmap_sum = 0;
    for (long round = 0; round < mmap_rounds; round++) {
        unsigned char *block = malloc(MMAP_BLOCK);
        if (!block) { printf("malloc failed\n"); return 1; }
        mmap_sum += touch(block, MMAP_BLOCK, (uint64_t)round);
        free(block);
    }

    uint64_t brk_sum = 0;
    for (long round = 0; round < brk_rounds; round++) {
        unsigned char *blocks[BRK_BLOCKS];
        for (int i = 0; i < BRK_BLOCKS; i++) {
            blocks[i] = malloc(BRK_BLOCK);
            if (!blocks[i]) { printf("malloc failed\n"); return 1; }
            brk_sum += touch(blocks[i], BRK_BLOCK, (uint64_t)(round * BRK_BLOCKS + i));
        }
        for (int i = BRK_BLOCKS - 1; i >= 0; i--) free(blocks[i]);
    }
    long pages = mmap_rounds * (MMAP_BLOCK / PAGE) + brk_rounds * BRK_BLOCKS * (BRK_BLOCK / PAGE);
    printf("syscalls: %ld calls %s; %ld pages touched, mmap sum %016llx brk sum %016llx\n", syscall_rounds * 4,
           consistent == syscall_rounds * 4 ? "consistent" : "INCONSISTENT", pages, (unsigned long long)mmap_sum,
           (unsigned long long)brk_sum);
    return consistent != syscall_rounds * 4;
}
