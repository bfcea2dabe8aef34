/* The fork and exec program of scripts/gdb-test.py: the child of a fork calls child_work(2) and
 * exits with its result (6); the parent waits for it, prints its status, then runs itself again
 * with one argument, which calls after_exec() and exits with 4. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

__attribute__((noinline)) int child_work(int n) {
    return n * 3;
}

__attribute__((noinline)) int after_exec(const char *argument) {
    printf("exec'd %s\n", argument);
    return 4;
}

int main(int argc, char **argv) {
    if (argc > 1) return after_exec(argv[1]);
    pid_t pid = fork();
    if (pid == 0) _exit(child_work(2));
    int status = 0;
    waitpid(pid, &status, 0);
    printf("child %d\n", WEXITSTATUS(status));
    fflush(stdout);
    char *arguments[] = {argv[0], "again", 0};
    execv(argv[0], arguments);
    return 99;
}
