// clone3 (435) as Linux checks struct clone_args: a fork through it, the size checks (EINVAL below 64
// bytes, E2BIG above a page or with unknown non-zero trailing bytes), and the flag and field checks.
// qemu-riscv64 7.2 answers ENOSYS, so the expected output (clone3.out) is Linux's.
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

struct args { uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid, set_tid_size, cgroup; };

static uint8_t buffer[4097];

static const char *clone3(const void *arguments, size_t size) {
    static char text[32];
    long r = syscall(435, arguments, size);
    if (r == 0) _exit(7);
    if (r > 0) {
        int status = 0;
        waitpid(r, &status, 0);
        snprintf(text, sizeof text, "child exited %d", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        return text;
    }
    return errno == EINVAL ? "EINVAL" : errno == E2BIG ? "E2BIG" : errno == EFAULT ? "EFAULT" : strerror(errno);
}

static const char *with(struct args arguments, size_t size) {
    memset(buffer, 0, sizeof buffer);
    memcpy(buffer, &arguments, sizeof arguments);
    return clone3(buffer, size);
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    struct args fork_like = {.exit_signal = SIGCHLD};
    printf("fork, 64 bytes: %s\n", with(fork_like, 64));
    printf("fork, 88 bytes: %s\n", with(fork_like, 88));
    printf("fork, 96 bytes, zero tail: %s\n", with(fork_like, 96));
    memset(buffer, 0, sizeof buffer);
    memcpy(buffer, &fork_like, sizeof fork_like);
    buffer[95] = 1;
    printf("96 bytes, non-zero tail: %s\n", clone3(buffer, 96));
    printf("63 bytes: %s\n", with(fork_like, 63));
    printf("4097 bytes: %s\n", with(fork_like, 4097));
    printf("unreadable args: %s\n", clone3((void *)8, 64));
    printf("exit_signal 65: %s\n", with((struct args){.exit_signal = 65}, 64));
    printf("CSIGNAL in flags: %s\n", with((struct args){.flags = SIGCHLD}, 64));
    printf("CLONE_DETACHED: %s\n", with((struct args){.flags = 0x400000, .exit_signal = SIGCHLD}, 64));
    printf("CLONE_THREAD with exit_signal: %s\n",
           with((struct args){.flags = 0x10000 | 0x800 | 0x100, .exit_signal = SIGCHLD}, 64));
    printf("stack without size: %s\n", with((struct args){.stack = 0x1000, .exit_signal = SIGCHLD}, 64));
    printf("size without stack: %s\n", with((struct args){.stack_size = 0x1000, .exit_signal = SIGCHLD}, 64));
    printf("set_tid_size without set_tid: %s\n", with((struct args){.set_tid_size = 1, .exit_signal = SIGCHLD}, 80));
    return 0;
}
