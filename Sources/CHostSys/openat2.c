#define _GNU_SOURCE
#include <errno.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "CHostSys.h"

int tinyrv_openat2(int dirfd, const char *path, int flags, unsigned mode, unsigned long long resolve) {
    struct open_how how = { .flags = (unsigned long long)(unsigned)flags, .mode = mode, .resolve = resolve };
    long result = syscall(SYS_openat2, dirfd, path, &how, sizeof how);
    return result < 0 ? -errno : (int)result;
}

long tinyrv_getdents64(int fd, void *buffer, unsigned long count) {
    long result = syscall(SYS_getdents64, fd, buffer, count);
    return result < 0 ? -errno : result;
}

int tinyrv_pipe2(int fds[2], int flags) {
    return pipe2(fds, flags) == 0 ? 0 : -errno;
}
