/* fork + execve and vfork + execve of busybox applets, exec failure in a child (127, as a shell
 * reports it), and an orphan reparented to the first process (pid 100), which then reaps it. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    int status;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char *argv[] = {"echo", "hello from exec", NULL};
        execv("/bin/echo", argv);
        _exit(99);
    }
    waitpid(pid, &status, 0);
    printf("fork+exec exited %d\n", WEXITSTATUS(status));
    fflush(stdout);

    pid = vfork();
    if (pid == 0) {
        char *argv[] = {"sh", "-c", "echo vfork child; exit 6", NULL};
        execv("/bin/sh", argv);
        _exit(99);
    }
    waitpid(pid, &status, 0);
    printf("vfork+exec exited %d\n", WEXITSTATUS(status));

    pid = fork();
    if (pid == 0) {
        char *argv[] = {"missing", NULL};
        execv("/bin/missing", argv);
        _exit(errno == ENOENT ? 127 : 1);
    }
    waitpid(pid, &status, 0);
    printf("exec failure exited %d\n", WEXITSTATUS(status));

    /* A child forks a grandchild and exits; the grandchild becomes the first process's child. */
    int hold[2];
    pipe(hold);
    pid = fork();
    if (pid == 0) {
        if (fork() == 0) {
            char c;
            close(hold[1]);
            read(hold[0], &c, 1); /* until its parent is gone and the first process closes the pipe */
            _exit(getppid() == 100 ? 21 : 22);
        }
        _exit(0);
    }
    waitpid(pid, &status, 0);
    close(hold[1]);
    pid_t orphan = wait(&status);
    printf("orphan reaped by the first process: %d, exited %d\n", orphan > 0, WEXITSTATUS(status));
    return 0;
}
