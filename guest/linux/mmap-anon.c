/* Anonymous memory through the system calls glibc exposes: mmap, mprotect, mremap (grow in place or
 * move), partial munmap, madvise(MADV_DONTNEED) zero-filling, and the errors of invalid requests.
 * Addresses are never printed; only contents, results and errno names. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PAGE 4096

static const char *errno_name(int error)
{
    switch (error) {
    case 0: return "0";
    case EINVAL: return "EINVAL";
    case ENOMEM: return "ENOMEM";
    case EFAULT: return "EFAULT";
    case EACCES: return "EACCES";
    default: return "other";
    }
}

static uint64_t checksum(const unsigned char *p, size_t size)
{
    uint64_t hash = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < size; i++) hash = (hash ^ p[i]) * 0x100000001b3ULL;
    return hash;
}

static size_t nonzero(const unsigned char *p, size_t size)
{
    size_t count = 0;
    for (size_t i = 0; i < size; i++) count += p[i] != 0;
    return count;
}

int main(void)
{
    printf("page size %ld\n", sysconf(_SC_PAGESIZE));
    size_t size = 16 * PAGE;
    unsigned char *block = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (block == MAP_FAILED) { printf("mmap failed: %s\n", errno_name(errno)); return 1; }
    printf("fresh mapping: nonzero bytes %zu, page aligned %d\n", nonzero(block, size), ((uintptr_t)block & (PAGE - 1)) == 0);
    for (size_t i = 0; i < size; i++) block[i] = (unsigned char)(i * 13 + (i >> 12));
    printf("filled checksum %016llx\n", (unsigned long long)checksum(block, size));

    int result = mprotect(block, 4 * PAGE, PROT_READ);
    printf("mprotect read-only %d, still readable checksum %016llx\n", result,
           (unsigned long long)checksum(block, 4 * PAGE));
    result = mprotect(block, 4 * PAGE, PROT_READ | PROT_WRITE);
    block[5] = 0xEE;
    printf("mprotect read-write %d, write ok %d\n", result, block[5] == 0xEE);

    unsigned char *grown = mremap(block, size, 64 * PAGE, MREMAP_MAYMOVE);
    if (grown == MAP_FAILED) { printf("mremap failed: %s\n", errno_name(errno)); return 1; }
    printf("mremap grow: old part checksum %016llx, new part nonzero %zu\n",
           (unsigned long long)checksum(grown, size), nonzero(grown + size, 64 * PAGE - size));
    memset(grown + size, 0x77, 64 * PAGE - size);
    unsigned char *shrunk = mremap(grown, 64 * PAGE, 8 * PAGE, 0);
    printf("mremap shrink in place: same address %d checksum %016llx\n", shrunk == grown,
           (unsigned long long)checksum(shrunk, 8 * PAGE));

    result = madvise(shrunk + 2 * PAGE, 2 * PAGE, MADV_DONTNEED);
    printf("madvise DONTNEED %d: those pages now nonzero %zu, neighbours nonzero %zu\n", result,
           nonzero(shrunk + 2 * PAGE, 2 * PAGE), nonzero(shrunk + PAGE, PAGE) + nonzero(shrunk + 4 * PAGE, PAGE));

    result = munmap(shrunk + 3 * PAGE, PAGE);
    printf("munmap one middle page %d; pages around it intact %d\n", result,
           shrunk[2 * PAGE + 1] == 0 && shrunk[4 * PAGE] == (unsigned char)(4 * PAGE * 13 + 4));
    printf("munmap rest %d %d\n", munmap(shrunk, 3 * PAGE), munmap(shrunk + 4 * PAGE, 4 * PAGE));

    errno = 0;
    void *zero = mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap length 0: %s errno %s\n", zero == MAP_FAILED ? "failed" : "mapped", errno_name(errno));
    errno = 0;
    result = munmap((void *)((uintptr_t)block + 1), PAGE);
    printf("munmap unaligned: %d errno %s\n", result, errno_name(errno));
    errno = 0;
    result = mprotect((void *)((uintptr_t)block + 1), PAGE, PROT_READ);
    printf("mprotect unaligned: %d errno %s\n", result, errno_name(errno));

    /* Many small mappings, each written and released: exercises region bookkeeping. */
    uint64_t total = 0;
    unsigned char *maps[64];
    for (int i = 0; i < 64; i++) {
        size_t length = (size_t)(1 + i % 5) * PAGE;
        maps[i] = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (maps[i] == MAP_FAILED) { printf("mmap %d failed\n", i); return 1; }
        memset(maps[i], i, length);
    }
    for (int i = 63; i >= 0; i -= 2) {
        size_t length = (size_t)(1 + i % 5) * PAGE;
        total += checksum(maps[i], length);
        munmap(maps[i], length);
    }
    for (int i = 0; i < 64; i += 2) {
        size_t length = (size_t)(1 + i % 5) * PAGE;
        total += checksum(maps[i], length);
        munmap(maps[i], length);
    }
    printf("64 small mappings checksum %016llx\n", (unsigned long long)total);
    return 0;
}
