/* A pipeline of three processes wired with dup2, as a shell builds `generate | square | sum`. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t stage(int input, int output, void (*body)(void))
{
    pid_t pid = fork();
    if (pid == 0) {
        if (input != 0) { dup2(input, 0); close(input); }
        if (output != 1) { dup2(output, 1); close(output); }
        body();
        fflush(stdout);
        _exit(0);
    }
    return pid;
}

static void generate(void) { for (int i = 1; i <= 1000; i++) printf("%d\n", i); }

static void square(void)
{
    long n;
    while (scanf("%ld", &n) == 1) printf("%ld\n", n * n);
}

static void sum(void)
{
    long n, total = 0, count = 0;
    while (scanf("%ld", &n) == 1) { total += n; count++; }
    printf("%ld numbers, sum of squares %ld\n", count, total);
}

int main(void)
{
    int first[2], second[2];
    pipe(first);
    pid_t a = stage(0, first[1], generate);
    close(first[1]);
    pipe(second);
    pid_t b = stage(first[0], second[1], square);
    close(first[0]);
    close(second[1]);
    pid_t c = stage(second[0], 1, sum);
    close(second[0]);
    int status, failures = 0;
    pid_t pids[] = {a, b, c};
    for (int i = 0; i < 3; i++) {
        waitpid(pids[i], &status, 0);
        failures += !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    printf("stages failed: %d\n", failures);
    return 0;
}
