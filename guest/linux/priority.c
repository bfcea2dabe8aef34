/* getpriority, setpriority and nice: a process starts at nice 0, nice(5) raises it, a forked
 * child inherits it and changes only its own, values past 19 are clamped, and the errors for an
 * unknown `which` or a pid with no process. (Lowering the value below 0 needs privilege on Linux,
 * and PRIO_PGRP and PRIO_USER see the host's other processes under qemu, so neither is tried.) */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    printf("start: %d\n", getpriority(PRIO_PROCESS, 0));
    printf("nice(5): %d\n", nice(5));
    printf("now: %d, by pid %d\n", getpriority(PRIO_PROCESS, 0), getpriority(PRIO_PROCESS, getpid()));
    pid_t child = fork();
    if (child == 0) {
        int inherited = getpriority(PRIO_PROCESS, 0);
        setpriority(PRIO_PROCESS, 0, 7);
        _exit(inherited == 5 && getpriority(PRIO_PROCESS, 0) == 7 ? 0 : 1);
    }
    int status = 0;
    waitpid(child, &status, 0);
    printf("child inherited and changed its own: %d, parent still %d\n", WEXITSTATUS(status) == 0, getpriority(PRIO_PROCESS, 0));
    printf("setpriority 40: %d, now %d\n", setpriority(PRIO_PROCESS, 0, 40), getpriority(PRIO_PROCESS, 0));
    errno = 0;
    int bad = getpriority(7, 0);
    printf("unknown which: %d %s\n", bad, strerror(errno));
    errno = 0;
    bad = getpriority(PRIO_PROCESS, 999999);
    printf("no such process: %d %s\n", bad, strerror(errno));
    printf("setpriority no such process: %d %s\n", setpriority(PRIO_PROCESS, 999999, 1), strerror(errno));
    return 0;
}
