/*
 * read-into-untouched-heap: the kernel's copies fault in heap pages that are valid but not yet mapped,
 * exactly as the hart would. read() from stdin into a fresh heap page succeeds (tinyrv test gives
 * /dev/null, so 0 bytes); info() fills a struct that straddles two untouched heap pages; write() sends
 * 16 bytes of a never-touched heap page (zeros) to stderr.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\nstdout=\n");

int main(void) {
    long start = sbrk(3 * PAGE_SIZE);
    CHECK(!TINYRV_IS_ERROR(start));
    unsigned char *heap = (unsigned char *)start;

    long got = read(0, heap, 64);
    CHECK(got >= 0 && got <= 64);

    struct tinyrv_info *straddling = (struct tinyrv_info *)(heap + 2 * PAGE_SIZE - 32);
    CHECK_EQ(info(straddling), 0);
    CHECK(straddling->num_pgfault < 1000000);
    for (int i = 0; i < 7; i++) CHECK(straddling->reserved[i] < (1UL << 62));

    CHECK_EQ(write(2, heap + 2 * PAGE_SIZE + 100, 16), 16);
    for (int i = 0; i < 16; i++) CHECK_EQ(heap[2 * PAGE_SIZE + 100 + i], 0);
    return 0;
}
