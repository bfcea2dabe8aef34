/*
 * grow-stack: an 8-page local array grows the stack on demand. Touching each of its pages costs one
 * page fault (the count rises by at least 8), and write() from the array's lowest page works.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\nstdout=from the deepest stack page\\n\n");

#define ARRAY_PAGES 8

/* Touches every page of an 8-page array from the top down, then writes from its lowest page. */
__attribute__((noinline)) static long touch_deep_array(void) {
    volatile char array[ARRAY_PAGES * PAGE_SIZE];
    for (long offset = sizeof array - 1; offset >= 0; offset -= PAGE_SIZE) array[offset] = (char)offset;
    array[0] = 1;
    static const char message[] = "from the deepest stack page\n";
    for (unsigned long i = 0; i < sizeof message - 1; i++) array[i] = message[i];
    return write(1, (const void *)array, sizeof message - 1);
}

int main(void) {
    uint64_t before = page_fault_count();
    long written = touch_deep_array();
    uint64_t after = page_fault_count();
    CHECK_EQ(written, 28);
    CHECK(after >= before + ARRAY_PAGES);
    return 0;
}
