/* posix_spawn and posix_spawnp (glibc: clone(CLONE_VM|CLONE_VFORK) then execve), with file actions
 * that redirect the child's stdout into a pipe, and a spawn of a missing program. */
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(void)
{
    pid_t pid;
    int status;
    char *echo[] = {"echo", "spawned", "echo", NULL};
    if (posix_spawnp(&pid, "echo", NULL, NULL, echo, environ) != 0) return 10;
    waitpid(pid, &status, 0);
    printf("echo exited %d\n", WEXITSTATUS(status));

    int fds[2];
    pipe(fds);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    char *tr[] = {"sh", "-c", "echo through a pipe | tr a-z A-Z", NULL};
    if (posix_spawn(&pid, "/bin/sh", &actions, NULL, tr, environ) != 0) return 11;
    close(fds[1]);
    char buffer[128] = {0};
    ssize_t total = 0, n;
    while ((n = read(fds[0], buffer + total, sizeof buffer - 1 - total)) > 0) total += n;
    waitpid(pid, &status, 0);
    printf("captured: %s", buffer);
    printf("sh exited %d\n", WEXITSTATUS(status));

    char *missing[] = {"no-such-program", NULL};
    int error = posix_spawnp(&pid, "no-such-program", NULL, NULL, missing, environ);
    printf("missing program: %s\n", error ? strerror(error) : "spawned");
    return 0;
}
