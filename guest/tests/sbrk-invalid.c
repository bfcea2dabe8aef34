/*
 * sbrk-invalid: an increment that would move the heap's end below its start fails with -EINVAL
 * (the seed's ERR_VM_INVALID) and leaves the heap, and its contents, unchanged.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\n");

int main(void) {
    long start = sbrk(0);
    CHECK_EQ(sbrk(-1), -EINVAL);
    CHECK_EQ(sbrk(-(long)PAGE_SIZE), -EINVAL);
    CHECK_EQ(sbrk(0), start);

    CHECK_EQ(sbrk(2 * PAGE_SIZE), start);
    volatile char *heap = (volatile char *)start;
    heap[0] = 11;
    heap[2 * PAGE_SIZE - 1] = 22;
    CHECK_EQ(sbrk(-(2 * (long)PAGE_SIZE + 1)), -EINVAL);
    CHECK_EQ(sbrk(-(1L << 20)), -EINVAL);
    CHECK_EQ(sbrk(-start), -EINVAL);
    CHECK_EQ(sbrk(0), start + 2 * PAGE_SIZE);
    CHECK_EQ(heap[0], 11);
    CHECK_EQ(heap[2 * PAGE_SIZE - 1], 22);
    return 0;
}
