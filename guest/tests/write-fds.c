/*
 * write-fds: fd 1 is stdout and fd 2 is stderr; a descriptor that is not open gets -EBADF. A zero-length
 * write returns 0 even with a null buffer.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\nstdout=to stdout\\n\nstderr~=to stderr\\n\n");

int main(void) {
    CHECK_EQ(write(1, "to stdout\n", 10), 10);
    CHECK_EQ(write(2, "to stderr\n", 10), 10);
    CHECK_EQ(write(42, "lost\n", 5), -EBADF);
    CHECK_EQ(write(-1, "lost\n", 5), -EBADF);
    CHECK_EQ(read(42, (void *)0, 0), -EBADF);
    CHECK_EQ(write(1, (const void *)0, 0), 0);
    return 0;
}
