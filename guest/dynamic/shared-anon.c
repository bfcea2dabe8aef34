/* Anonymous MAP_SHARED memory across fork: a counter the child increments, a page the child touches
 * first (after the fork), /dev/zero mapped shared, a ping-pong through a pipe where parent and child
 * take turns on one counter, MADV_DONTNEED keeping shared contents, and MAP_PRIVATE anonymous memory
 * that fork copies (the parent sees none of the child's writes). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096

/* Forks; the child runs `body` on `memory` and exits with its result; returns the child's status. */
static int in_child(int (*body)(char *), char *memory) {
    pid_t pid = fork();
    if (pid == 0) _exit(body(memory));
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static int increment(char *memory) {
    volatile long *counter = (volatile long *)memory;
    for (int i = 0; i < 1000; i++) (*counter)++;
    return 9;
}

static int increment_and_write(char *memory) {
    increment(memory);
    strcpy(memory + PAGE, "written by the child into a page first touched after fork");
    return 7;
}

static int write_private(char *memory) {
    strcpy(memory, "private child write");
    return memory[0] == 'p' ? 3 : 1;
}

static void ping_pong(long *counter) {
    int to_child[2], to_parent[2];
    char token = 't';
    if (pipe(to_child) != 0 || pipe(to_parent) != 0) return;
    pid_t pid = fork();
    if (pid == 0) {
        for (int i = 0; i < 5; i++) {
            if (read(to_child[0], &token, 1) != 1) _exit(1);
            *counter = *counter * 10 + 2;
            write(to_parent[1], &token, 1);
        }
        _exit(0);
    }
    for (int i = 0; i < 5; i++) {
        *counter = *counter * 10 + 1;
        write(to_child[1], &token, 1);
        if (read(to_parent[0], &token, 1) != 1) break;
    }
    waitpid(pid, NULL, 0);
    printf("ping-pong counter: %ld\n", *counter);
}

int main(void) {
    char *shared = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED) return 1;
    *(long *)shared = 5;
    int status = in_child(increment_and_write, shared);
    printf("child status %d, counter %ld, page 1: %s\n", status, *(long *)shared, shared + PAGE);

    madvise(shared, 2 * PAGE, MADV_DONTNEED);
    printf("after MADV_DONTNEED: counter %ld, page 1: %.10s\n", *(long *)shared, shared + PAGE);

    ping_pong((long *)(shared + 2 * PAGE));

    int zero = open("/dev/zero", O_RDWR);
    char *device = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, zero, 0);
    close(zero);
    if (device == MAP_FAILED) return 2;
    status = in_child(increment, device);
    printf("/dev/zero shared: child status %d, counter %ld\n", status, *(long *)device);

    char *private = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (private == MAP_FAILED) return 3;
    strcpy(private, "parent data");
    status = in_child(write_private, private);
    printf("private: child status %d, parent sees: %s\n", status, private);
    return 0;
}
