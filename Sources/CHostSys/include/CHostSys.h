#ifndef TINYRV_CHOSTSYS_H
#define TINYRV_CHOSTSYS_H

/// Host Linux calls that Swift cannot reach (glibc has no wrapper, or only the variadic syscall()).
/// Each returns its result, or -errno on failure.

/// openat2(2) with `struct open_how { flags, mode, resolve }`. `mode` must be 0 unless flags hold
/// O_CREAT or O_TMPFILE (the host kernel rejects it with -EINVAL otherwise).
int tinyrv_openat2(int dirfd, const char *path, int flags, unsigned mode, unsigned long long resolve);

/// getdents64(2): fills `buffer` with linux_dirent64 records; returns the bytes filled, 0 at the end.
long tinyrv_getdents64(int fd, void *buffer, unsigned long count);

/// pipe2(2): a host pipe with `flags` (O_CLOEXEC, O_NONBLOCK); 0 or -errno.
int tinyrv_pipe2(int fds[2], int flags);

/// ppoll(2) over `count` `struct pollfd` records for at most `timeout_ns` nanoseconds (negative:
/// no limit), with no signal mask; the ready count or -errno (-EINTR when a host signal came).
int tinyrv_wait_for_events(void *records, unsigned long count, long long timeout_ns);

/// renameat2(2) with RENAME_NOREPLACE, RENAME_EXCHANGE or RENAME_WHITEOUT in `flags`; 0 or -errno.
int tinyrv_renameat2(int old_dirfd, const char *old_name, int new_dirfd, const char *new_name, unsigned flags);

/// fstatfs(2) as twelve words: f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree,
/// f_fsid[0], f_fsid[1], f_namelen, f_frsize, f_flags; 0 or -errno.
int tinyrv_fstatfs(int fd, unsigned long long fields[12]);

/// syncfs(2); 0 or -errno.
int tinyrv_syncfs(int fd);

/// flock(2) (Swift sees only `struct flock` under that name); 0 or -errno.
int tinyrv_flock(int fd, int operation);

/// Host values of flags that the Swift Glibc module does not import (they need _GNU_SOURCE).
extern const int tinyrv_host_O_PATH;
extern const int tinyrv_host_O_TMPFILE;
extern const int tinyrv_host_O_DIRECT;
extern const int tinyrv_host_O_NOATIME;
extern const int tinyrv_host_O_LARGEFILE;
extern const int tinyrv_host_AT_EMPTY_PATH;

/// epoll_create1(EPOLL_CLOEXEC): the new instance, or -errno.
int tinyrv_epoll_create(void);

/// epoll_ctl(2) on instance `epfd`: `op` (EPOLL_CTL_ADD, DEL, MOD) of `fd` with an event of
/// `events` and `data` (the host's struct is packed on x86-64; this shim builds it); 0 or -errno.
int tinyrv_epoll_ctl(int epfd, int op, int fd, unsigned events, unsigned long long data);

/// epoll_wait(2) on `epfd` without waiting: up to `limit` ready events, each as two words
/// (events, data) in `out`; the count, or -errno.
int tinyrv_epoll_ready(int epfd, unsigned long long *out, int limit);

/// eventfd(2) with counter `initial` and `flags` (EFD_SEMAPHORE, EFD_NONBLOCK, EFD_CLOEXEC): the
/// descriptor, or -errno.
int tinyrv_eventfd(unsigned initial, int flags);

/// timerfd_create(2) on `clock` with `flags` (TFD_NONBLOCK, TFD_CLOEXEC): the descriptor, or -errno.
int tinyrv_timerfd_create(int clock, int flags);

/// timerfd_settime(2): `new_value` and `old_value` are `struct itimerspec` as four words
/// (interval seconds, nanoseconds, value seconds, nanoseconds); 0 or -errno.
int tinyrv_timerfd_settime(int fd, int flags, const long long new_value[4], long long old_value[4]);

/// timerfd_gettime(2) into four words as above; 0 or -errno.
int tinyrv_timerfd_gettime(int fd, long long value[4]);

/// getresuid(2) and getresgid(2): the real, effective and saved ids; 0 or -errno.
int tinyrv_getresuid(unsigned ids[3]);
int tinyrv_getresgid(unsigned ids[3]);

/// capget(2) of tinyrv's own process (version 3): effective, permitted and inheritable sets of
/// capabilities 0-31, then of 32-63; 0 or -errno.
int tinyrv_capget(unsigned sets[6]);

/// prctl(PR_CAPBSET_READ): 1 when `capability` is in tinyrv's bounding set, 0 if not, or -errno.
int tinyrv_capbset_read(int capability);

#endif
