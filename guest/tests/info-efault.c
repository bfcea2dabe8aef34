/*
 * info-efault: info() needs 64 writable user bytes. A null, kernel-half or read-only (text) pointer, or
 * a struct that runs off the end of the heap, gets -EFAULT and kills nothing; a valid one gets 0.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\n");

int main(void) {
    CHECK_EQ(info((struct tinyrv_info *)0), -EFAULT);
    CHECK_EQ(info((struct tinyrv_info *)KERNEL_HALF_ADDRESS), -EFAULT);
    CHECK_EQ(info((struct tinyrv_info *)(uintptr_t)&main), -EFAULT);

    long start = sbrk(PAGE_SIZE);
    CHECK(!TINYRV_IS_ERROR(start));
    CHECK_EQ(info((struct tinyrv_info *)(start + PAGE_SIZE - 32)), -EFAULT);

    struct tinyrv_info counters;
    memset(&counters, 0xff, sizeof counters);
    CHECK_EQ(info(&counters), 0);
    CHECK(counters.num_pgfault < 1000000);
    return 0;
}
