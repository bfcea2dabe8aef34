/*
 * sbrk-bound: growing the heap so that it would overlap the stack region, or leave user space, fails
 * with -ENOMEM (the seed's ERR_VM_BOUND) and leaves the heap unchanged.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\n");

#define STACK_LOWEST (USTACK_UPPERBOUND - USTACK_PAGES * PAGE_SIZE)

int main(void) {
    long start = sbrk(0);
    CHECK_EQ(sbrk(PAGE_SIZE), start);
    volatile char *heap = (volatile char *)start;
    heap[0] = 33;
    long end = start + PAGE_SIZE;

    CHECK_EQ(sbrk((long)STACK_LOWEST - end + 1), -ENOMEM);
    CHECK_EQ(sbrk(0), end);
    CHECK_EQ(sbrk((long)USTACK_UPPERBOUND - end), -ENOMEM);
    CHECK_EQ(sbrk((long)USER_SPACE_END - end + (long)PAGE_SIZE), -ENOMEM);
    CHECK_EQ(sbrk(1L << 40), -ENOMEM);
    CHECK_EQ(sbrk(1L << 62), -ENOMEM);
    CHECK_EQ(sbrk(0x7FFFFFFFFFFFFFFFL), -ENOMEM);
    CHECK_EQ(sbrk(0), end);
    CHECK_EQ(heap[0], 33);
    return 0;
}
