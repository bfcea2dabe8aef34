/*
 * brk: brk(214) with Linux semantics moves the same heap as sbrk. brk(0) returns the break; brk(addr)
 * returns the new break; the memory is usable; and sbrk sees the same end.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\n");

int main(void) {
    long start = brk(0);
    CHECK_EQ(start, sbrk(0));
    CHECK_EQ(start % PAGE_SIZE, 0);
    CHECK_EQ(brk((void *)(start + 2 * PAGE_SIZE)), start + 2 * (long)PAGE_SIZE);
    CHECK_EQ(sbrk(0), start + 2 * (long)PAGE_SIZE);
    volatile char *heap = (volatile char *)start;
    heap[0] = 1;
    heap[2 * PAGE_SIZE - 1] = 2;
    CHECK_EQ(sbrk(PAGE_SIZE), start + 2 * (long)PAGE_SIZE);
    CHECK_EQ(brk(0), start + 3 * (long)PAGE_SIZE);
    CHECK_EQ(brk((void *)start), start);
    CHECK_EQ(sbrk(0), start);
    return 0;
}
