/*
 * writev: writev(66) writes its buffers in order and returns the total; an iovec array that is not user
 * memory gets -EFAULT and writes nothing.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\nstdout=one, two, three\\n\n");

int main(void) {
    struct iovec buffers[3] = {
        {.iov_base = "one, ", .iov_len = 5},
        {.iov_base = "two, ", .iov_len = 5},
        {.iov_base = "three\n", .iov_len = 6},
    };
    CHECK_EQ(writev(1, buffers, 3), 16);
    CHECK_EQ(writev(1, (const struct iovec *)0, 1), -EFAULT);
    CHECK_EQ(writev(1, (const struct iovec *)KERNEL_HALF_ADDRESS, 2), -EFAULT);
    CHECK_EQ(writev(1, buffers, 0), 0);
    return 0;
}
