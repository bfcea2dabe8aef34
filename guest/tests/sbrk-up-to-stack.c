/*
 * sbrk-up-to-stack: the heap may grow right up to the stack region's lowest byte, since the two regions
 * touch without overlapping; pages are lazy, so the huge heap costs nothing, and its last byte is
 * usable. One byte more fails with -ENOMEM, and shrinking back restores the original heap with its contents.
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

    CHECK_EQ(sbrk((long)STACK_LOWEST - end), end);
    CHECK_EQ(sbrk(0), (long)STACK_LOWEST);
    CHECK_EQ(sbrk(1), -ENOMEM);
    volatile char *last_heap_byte = (volatile char *)(STACK_LOWEST - 1);
    *last_heap_byte = 44;
    CHECK_EQ(*last_heap_byte, 44);
    CHECK_EQ(sbrk(-((long)STACK_LOWEST - end)), (long)STACK_LOWEST);
    CHECK_EQ(sbrk(0), end);
    CHECK_EQ(heap[0], 33);
    return 0;
}
