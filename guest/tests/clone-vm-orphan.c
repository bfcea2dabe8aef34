/*
 * clone-vm-orphan: a child made by clone(CLONE_VM) without CLONE_THREAD is a process that shares
 * its parent's memory. When the parent (the first process) exits while the child still runs, the
 * child is killed and the run ends with the parent's status; the shared address space stays for
 * the run's final report (it used to be torn down with the child, and the report crashed tinyrv).
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=3\nstdout=child started: 1\\n\n");

static volatile int started;
static char child_stack[4096] __attribute__((aligned(16)));

int main(void) {
    long flags = 0x100 /* CLONE_VM */ | 17 /* SIGCHLD */;
    long pid = tinyrv_syscall(220, flags, (long)(child_stack + sizeof child_stack), 0, 0, 0, 0);
    if (pid == 0) {
        started = 1;
        for (;;) tinyrv_syscall(124, 0, 0, 0, 0, 0, 0);
    }
    CHECK(pid > 0);
    while (!started) tinyrv_syscall(124, 0, 0, 0, 0, 0, 0);
    printf("child started: %d\n", started);
    return 3;
}
