/* close_range: closing a range of descriptors, marking a range close-on-exec instead, and its
 * EINVAL cases; getrusage's ru_maxrss is positive. The descriptors are 20-27: qemu-riscv64 keeps
 * low and high numbers of its own, which a wider range would close. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

static void show_open(const char *when) {
    printf("%s:", when);
    for (int fd = 20; fd < 29; fd++) {
        int flags = fcntl(fd, F_GETFD);
        if (flags >= 0) printf(" %d%s", fd, flags & FD_CLOEXEC ? "(cloexec)" : "");
    }
    printf("\n");
}

static long close_range_call(unsigned first, unsigned last, unsigned flags) {
    long result = syscall(SYS_close_range, first, last, flags);
    return result < 0 ? -errno : result;
}

int main(void) {
    for (int fd = 20; fd < 28; fd++) dup2(1, fd);
    show_open("opened");
    printf("close 22..23: %ld\n", close_range_call(22, 23, 0));
    show_open("after");
    printf("cloexec 25..26: %ld\n", close_range_call(25, 26, 4));
    show_open("after");
    printf("close 26..40: %ld\n", close_range_call(26, 40, 0));
    show_open("after");
    printf("first > last: %s\n", strerror(-close_range_call(27, 23, 0)));
    printf("unknown flag: %s\n", strerror(-close_range_call(20, 21, 1)));
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    printf("ru_maxrss positive: %d\n", usage.ru_maxrss > 0);
    return 0;
}
