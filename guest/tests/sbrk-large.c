/*
 * sbrk-large: a 1 MiB heap is backed lazily. Touching each of its 256 pages takes exactly one page
 * fault per page, and every page keeps what was written.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\n");

#define HEAP_BYTES (1L << 20)
#define HEAP_PAGES (HEAP_BYTES / (long)PAGE_SIZE)

int main(void) {
    long start = sbrk(0);
    CHECK_EQ(sbrk(HEAP_BYTES), start);
    CHECK_EQ(sbrk(0), start + HEAP_BYTES);
    volatile long *heap = (volatile long *)start;
    uint64_t before = page_fault_count();
    for (long page = 0; page < HEAP_PAGES; page++) heap[page * (PAGE_SIZE / sizeof(long))] = page + 1;
    uint64_t after = page_fault_count();
    CHECK_EQ(after - before, HEAP_PAGES);
    for (long page = 0; page < HEAP_PAGES; page++) CHECK_EQ(heap[page * (PAGE_SIZE / sizeof(long))], page + 1);
    CHECK_EQ(heap[HEAP_BYTES / sizeof(long) - 1], 0);
    CHECK_EQ(page_fault_count(), after);
    return 0;
}
