/*
 * sbrk-decrement: the heap shrinks back to its start with a negative increment; a shrink below the
 * start returns -EINVAL and changes nothing.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\n");

#define GROWTH (3 * (long)PAGE_SIZE + 100)

int main(void) {
    long start = sbrk(0);
    CHECK_EQ(sbrk(GROWTH), start);
    for (long offset = 0; offset < GROWTH; offset += 512) ((volatile char *)start)[offset] = 1;
    CHECK_EQ(sbrk(-100), start + GROWTH);
    CHECK_EQ(sbrk(-(GROWTH - 100)), start + GROWTH - 100);
    CHECK_EQ(sbrk(0), start);

    CHECK_EQ(sbrk(-1), -EINVAL);
    CHECK_EQ(sbrk(0), start);

    CHECK_EQ(sbrk(100), start);
    ((volatile char *)start)[99] = 42;
    CHECK_EQ(sbrk(-200), -EINVAL);
    CHECK_EQ(sbrk(0), start + 100);
    CHECK_EQ(((volatile char *)start)[99], 42);
    CHECK_EQ(sbrk(-100), start + 100);
    CHECK_EQ(sbrk(0), start);
    return 0;
}
