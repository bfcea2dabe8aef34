/*
 * page-fault-count: info's num_pgfault counts exactly the user page faults the kernel handled. The
 * first touch of a lazy page (load or store, heap or stack) costs one fault; later loads and stores to
 * the same page cost none, since the page is mapped with all of its region's permissions.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\n");

int main(void) {
    long start = sbrk(3 * PAGE_SIZE);
    CHECK(!TINYRV_IS_ERROR(start));
    volatile char *heap = (volatile char *)start;
    volatile char *lowest_stack_page = (volatile char *)(USTACK_UPPERBOUND - USTACK_PAGES * PAGE_SIZE);

    uint64_t base = page_fault_count();
    CHECK_EQ(page_fault_count(), base);
    CHECK_EQ(heap[0], 0);
    CHECK_EQ(page_fault_count(), base + 1);
    heap[1] = 1;
    heap[PAGE_SIZE - 1] = 2;
    CHECK_EQ(page_fault_count(), base + 1);
    heap[2 * PAGE_SIZE] = 3;
    CHECK_EQ(heap[2 * PAGE_SIZE], 3);
    CHECK_EQ(page_fault_count(), base + 2);
    lowest_stack_page[100] = 4;
    CHECK_EQ(lowest_stack_page[100], 4);
    CHECK_EQ(page_fault_count(), base + 3);
    return 0;
}
