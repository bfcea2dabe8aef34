/*
 * fork-bomb: with --max-tasks 8, every fork past the eighth process fails with EAGAIN, and the run
 * ends normally: the children wait on a pipe until the parent closes it, then all are reaped.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\noptions=--max-tasks 8\nstdout=forked 7, then -11\\nreaped 7\\n\n");

int main(void) {
    int fds[2];
    CHECK_EQ(tinyrv_syscall(59, (long)fds, 0, 0, 0, 0, 0), 0);
    int forked = 0;
    long result;
    while ((result = tinyrv_syscall(220, 17, 0, 0, 0, 0, 0)) > 0) forked++;
    if (result == 0) {
        char c;
        tinyrv_syscall(57, fds[1], 0, 0, 0, 0, 0);
        exit(read(fds[0], &c, 1) == 0 ? 0 : 1);
    }
    printf("forked %d, then %ld\n", forked, result);
    tinyrv_syscall(57, fds[1], 0, 0, 0, 0, 0);
    int reaped = 0, status;
    while (tinyrv_syscall(260, -1, (long)&status, 0, 0, 0, 0) > 0) {
        CHECK_EQ(status, 0);
        reaped++;
    }
    printf("reaped %d\n", reaped);
    return 0;
}
