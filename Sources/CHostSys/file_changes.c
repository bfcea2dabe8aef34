#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/statfs.h>
#include <unistd.h>
#include "CHostSys.h"

int tinyrv_renameat2(int old_dirfd, const char *old_name, int new_dirfd, const char *new_name, unsigned flags) {
    return renameat2(old_dirfd, old_name, new_dirfd, new_name, flags) == 0 ? 0 : -errno;
}

int tinyrv_fstatfs(int fd, unsigned long long fields[12]) {
    struct statfs s;
    if (fstatfs(fd, &s) != 0) return -errno;
    unsigned long long values[12] = {
        (unsigned long long)s.f_type, (unsigned long long)s.f_bsize, s.f_blocks, s.f_bfree, s.f_bavail,
        s.f_files, s.f_ffree, (unsigned)s.f_fsid.__val[0], (unsigned)s.f_fsid.__val[1],
        (unsigned long long)s.f_namelen, (unsigned long long)s.f_frsize, (unsigned long long)s.f_flags,
    };
    for (int i = 0; i < 12; i++) fields[i] = values[i];
    return 0;
}

int tinyrv_syncfs(int fd) {
    return syncfs(fd) == 0 ? 0 : -errno;
}

int tinyrv_flock(int fd, int operation) {
    return flock(fd, operation) == 0 ? 0 : -errno;
}
