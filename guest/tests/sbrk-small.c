/*
 * sbrk-small: 5000 calls of sbrk(1) each return the previous break, so the heap grows one byte at a
 * time, contiguously, from its page-aligned start; every byte is writable and keeps its value.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\n");

#define STEPS 5000

int main(void) {
    long start = sbrk(0);
    CHECK(!TINYRV_IS_ERROR(start));
    CHECK_EQ(start % PAGE_SIZE, 0);
    for (long i = 0; i < STEPS; i++) {
        long old_break = sbrk(1);
        CHECK_EQ(old_break, start + i);
        *(volatile unsigned char *)old_break = (unsigned char)(i * 7);
    }
    CHECK_EQ(sbrk(0), start + STEPS);
    for (long i = 0; i < STEPS; i++) CHECK_EQ(((volatile unsigned char *)start)[i], (unsigned char)(i * 7));
    return 0;
}
