/*
 * stack-lowest-byte: the lowest byte of the stack region's 10th page
 * (USTACK_UPPERBOUND - USTACK_PAGES * PAGE_SIZE) is usable: it reads as zero, then holds a value.
 * The page is far below sp, so this is a fault inside the region, not next to the stack's end.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\n");

int main(void) {
    volatile unsigned char *lowest = (volatile unsigned char *)(USTACK_UPPERBOUND - USTACK_PAGES * PAGE_SIZE);
    CHECK_EQ((uintptr_t)lowest, 0x3FFFFF5000UL);
    CHECK_EQ(*lowest, 0);
    *lowest = 0xA5;
    CHECK_EQ(*lowest, 0xA5);
    lowest[PAGE_SIZE - 1] = 0x5A;
    CHECK_EQ(lowest[PAGE_SIZE - 1], 0x5A);
    return 0;
}
