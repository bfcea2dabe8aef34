/*
 * shrink-then-regrow: pages freed by a shrink come back zeroed when the heap grows over them again,
 * both for whole pages and for a heap that shrank to empty.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\n");

#define GROWTH (2 * (long)PAGE_SIZE)

int main(void) {
    long start = sbrk(0);
    volatile unsigned char *heap = (volatile unsigned char *)start;

    CHECK_EQ(sbrk(GROWTH), start);
    for (long i = 0; i < GROWTH; i++) heap[i] = 0xAA;
    CHECK_EQ(sbrk(-GROWTH), start + GROWTH);
    CHECK_EQ(sbrk(GROWTH), start);
    for (long i = 0; i < GROWTH; i++) CHECK_EQ(heap[i], 0);

    CHECK_EQ(sbrk(-GROWTH), start + GROWTH);
    CHECK_EQ(sbrk(100), start);
    for (long i = 0; i < 100; i++) heap[i] = 0x55;
    CHECK_EQ(sbrk(-100), start + 100);
    CHECK_EQ(sbrk(PAGE_SIZE), start);
    for (long i = 0; i < (long)PAGE_SIZE; i++) CHECK_EQ(heap[i], 0);
    return 0;
}
