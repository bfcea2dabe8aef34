/*
 * shrink-then-touch: after the heap shrinks by a page, that page is unmapped and outside the heap, so
 * touching it kills the process (status 139); the page that stayed keeps its contents.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=139\nstderr~=tinyrv: killed: load page fault at 0x\n");

int main(void) {
    long start = sbrk(0);
    CHECK_EQ(sbrk(2 * PAGE_SIZE), start);
    volatile char *heap = (volatile char *)start;
    heap[0] = 1;
    heap[PAGE_SIZE] = 2;
    CHECK_EQ(sbrk(-(long)PAGE_SIZE), start + 2 * (long)PAGE_SIZE);
    CHECK_EQ(heap[0], 1);
    return heap[PAGE_SIZE];
}
