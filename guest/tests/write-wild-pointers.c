/*
 * write-wild-pointers: write() with a buffer that is not user memory returns -EFAULT, writes nothing
 * and kills nothing: null, the kernel half, a non-canonical address, the hole above the heap, and a
 * buffer that starts inside the heap but runs off its end.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\nstdout=\n");

int main(void) {
    CHECK_EQ(write(1, (const void *)0, 5), -EFAULT);
    CHECK_EQ(write(1, (const void *)KERNEL_HALF_ADDRESS, 5), -EFAULT);
    CHECK_EQ(write(1, (const void *)USER_SPACE_END, 5), -EFAULT);
    CHECK_EQ(write(1, (const void *)0x0000400000000000UL, 5), -EFAULT);

    long start = sbrk(PAGE_SIZE);
    CHECK(!TINYRV_IS_ERROR(start));
    char *heap = (char *)start;
    memset(heap, 'x', PAGE_SIZE);
    CHECK_EQ(write(1, heap + PAGE_SIZE, 5), -EFAULT);
    CHECK_EQ(write(1, heap + PAGE_SIZE - 2, 5), -EFAULT);
    CHECK_EQ(write(1, heap, 1UL << 40), -EFAULT);
    CHECK_EQ(write(1, (const void *)(USTACK_UPPERBOUND - 2), 5), -EFAULT);
    return 0;
}
