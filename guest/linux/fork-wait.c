/* fork and wait: every exit and kill encoding of the wait status, WNOHANG, waitid, ECHILD, getppid. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void report(const char *what, int status)
{
    if (WIFEXITED(status)) printf("%s: exited %d\n", what, WEXITSTATUS(status));
    else if (WIFSIGNALED(status)) printf("%s: killed by %d%s\n", what, WTERMSIG(status), WCOREDUMP(status) ? " (core)" : "");
    else printf("%s: status 0x%x\n", what, status);
}

static pid_t child_exiting(int code)
{
    pid_t pid = fork();
    if (pid == 0) _exit(code);
    return pid;
}

int main(void)
{
    int status;
    int codes[] = {0, 3, 255, 256, -1};
    for (int i = 0; i < 5; i++) {
        pid_t pid = child_exiting(codes[i]);
        char what[32];
        snprintf(what, sizeof what, "exit(%d)", codes[i]);
        if (waitpid(pid, &status, 0) != pid) return 10;
        report(what, status);
    }

    pid_t pid = fork();
    if (pid == 0) { raise(SIGTERM); _exit(0); }
    waitpid(pid, &status, 0);
    report("raise(SIGTERM)", status);

    pid = fork();
    if (pid == 0) { volatile int *volatile bad = (int *)8; *bad = 1; _exit(0); }
    waitpid(pid, &status, 0);
    report("null store", status);

    pid = fork();
    if (pid == 0) abort();
    waitpid(pid, &status, 0);
    report("abort", status);

    /* A child held on a pipe: WNOHANG finds nothing, then SIGKILL from the parent. */
    int hold[2];
    if (pipe(hold) != 0) return 11;
    pid = fork();
    if (pid == 0) {
        char c;
        close(hold[1]);
        read(hold[0], &c, 1);
        _exit(7);
    }
    close(hold[0]);
    printf("WNOHANG on a running child: %d\n", waitpid(pid, &status, WNOHANG));
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    report("SIGKILL", status);
    close(hold[1]);

    /* getppid in the child is the parent's pid. */
    pid_t parent = getpid();
    pid = fork();
    if (pid == 0) _exit(getppid() == parent ? 0 : 1);
    waitpid(pid, &status, 0);
    report("getppid matches", status);

    /* waitid: siginfo of an exit and of a kill, WNOWAIT keeps the zombie. */
    pid = child_exiting(42);
    siginfo_t info;
    memset(&info, 0, sizeof info);
    if (waitid(P_PID, pid, &info, WEXITED | WNOWAIT) != 0) return 12;
    printf("waitid WNOWAIT: signo %d code %d status %d pid-ok %d\n", info.si_signo, info.si_code, info.si_status, info.si_pid == pid);
    memset(&info, 0, sizeof info);
    if (waitid(P_ALL, 0, &info, WEXITED) != 0) return 13;
    printf("waitid: code %d status %d pid-ok %d\n", info.si_code, info.si_status, info.si_pid == pid);
    pid = fork();
    if (pid == 0) { raise(SIGUSR2); _exit(0); }
    memset(&info, 0, sizeof info);
    waitid(P_PID, pid, &info, WEXITED);
    printf("waitid kill: code %d status %d\n", info.si_code, info.si_status);

    /* Several children, reaped with -1 in any order: the sum of their codes. */
    int sum = 0;
    for (int i = 1; i <= 4; i++) child_exiting(i * 10);
    for (int i = 0; i < 4; i++) {
        if (wait(&status) < 0) return 14;
        sum += WEXITSTATUS(status);
    }
    printf("sum of four children: %d\n", sum);

    errno = 0;
    printf("no child left: %d errno ECHILD %d\n", (int)wait(&status), errno == ECHILD);
    printf("WNOHANG with no child: %d errno ECHILD %d\n", (int)waitpid(-1, &status, WNOHANG), errno == ECHILD);
    return 0;
}
