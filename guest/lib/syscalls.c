/*
 * syscalls.c: thin wrappers over tinyrv_syscall (tinyrv.h). Each returns the kernel's raw result,
 * >= 0 or -errno, exactly as design.md's Syscall ABI gives it.
 */
#include "tinyrv.h"

long read(int fd, void *buffer, unsigned long count) {
    return tinyrv_syscall(SYS_read, fd, (long)buffer, (long)count, 0, 0, 0);
}

long write(int fd, const void *buffer, unsigned long count) {
    return tinyrv_syscall(SYS_write, fd, (long)buffer, (long)count, 0, 0, 0);
}

long writev(int fd, const struct iovec *buffers, int count) {
    return tinyrv_syscall(SYS_writev, fd, (long)buffers, count, 0, 0, 0);
}

void exit(int status) {
    tinyrv_syscall(SYS_exit, status, 0, 0, 0, 0, 0);
    for (;;) __asm__ volatile("unimp");
}

void exit_group(int status) {
    tinyrv_syscall(SYS_exit_group, status, 0, 0, 0, 0, 0);
    for (;;) __asm__ volatile("unimp");
}

long getpid(void) { return tinyrv_syscall(SYS_getpid, 0, 0, 0, 0, 0, 0); }

long brk(void *address) { return tinyrv_syscall(SYS_brk, (long)address, 0, 0, 0, 0, 0); }

long sbrk(long increment) { return tinyrv_syscall(SYS_tinyrv_sbrk, increment, 0, 0, 0, 0, 0); }

long info(struct tinyrv_info *out) {
    return tinyrv_syscall(SYS_tinyrv_info, (long)out, 0, 0, 0, 0, 0);
}

uint64_t page_fault_count(void) {
    struct tinyrv_info counters;
    long result = info(&counters);
    if (result != 0) tinyrv_check_failed(__FILE__, __LINE__, "info(&counters) == 0");
    return counters.num_pgfault;
}
