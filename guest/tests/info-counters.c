/*
 * info-counters: the eight counters of info(2001) describe this process. The heap start and break
 * follow sbrk, resident heap pages follow touches and shrinks, instructions retired only grow, and the
 * unused counter is 0.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\n");

static struct tinyrv_info counters(void) {
    struct tinyrv_info now;
    CHECK_EQ(info(&now), 0);
    return now;
}

int main(void) {
    long start = sbrk(0);
    struct tinyrv_info first = counters();
    CHECK_EQ(first.heap_start, start);
    CHECK_EQ(first.program_break, start);
    CHECK_EQ(first.resident_heap_pages, 0);
    CHECK(first.resident_stack_pages >= 1 && first.resident_stack_pages <= USTACK_PAGES);
    CHECK(first.instructions_retired > 0);
    CHECK(first.frames_in_use > 0);
    CHECK_EQ(first.reserved, 0);

    CHECK_EQ(sbrk(4 * PAGE_SIZE), start);
    volatile char *heap = (volatile char *)start;
    heap[0] = 1;
    heap[2 * PAGE_SIZE] = 1;
    struct tinyrv_info grown = counters();
    CHECK_EQ(grown.heap_start, start);
    CHECK_EQ(grown.program_break, start + 4 * PAGE_SIZE);
    CHECK_EQ(grown.resident_heap_pages, 2);
    CHECK_EQ(grown.num_pgfault, first.num_pgfault + 2);
    CHECK_EQ(grown.frames_in_use, first.frames_in_use + 2);
    CHECK(grown.instructions_retired > first.instructions_retired);

    CHECK_EQ(sbrk(-2 * (long)PAGE_SIZE), start + 4 * PAGE_SIZE);
    struct tinyrv_info shrunk = counters();
    CHECK_EQ(shrunk.program_break, start + 2 * PAGE_SIZE);
    CHECK_EQ(shrunk.resident_heap_pages, 1);
    CHECK_EQ(shrunk.frames_in_use, first.frames_in_use + 1);
    return 0;
}
