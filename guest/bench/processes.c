/* Processes: many fork + pipe + wait round trips. Each child changes 16 pages of a buffer the parent
 * filled (16 copy-on-write copies), sends their checksum through a pipe and exits with a status of its
 * own; the parent reads it, reaps the child and checks both. The row of `make bench` for the kernel's
 * process path (clone, copy-on-write faults, pipes, wait4, teardown).
 * usage: processes [SCALE]   (SCALE multiplies the rounds; default 1 = 1000) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEFAULT_ROUNDS 1000
#define PAGES 16
#define PAGE 4096

static uint8_t buffer[PAGES * PAGE];

/* The child's work: one store per page, then an FNV-1a checksum of one word per page. */
static uint64_t touch_pages(int round)
{
    uint64_t sum = 0xcbf29ce484222325ull;
    for (int page = 0; page < PAGES; page++) {
        buffer[page * PAGE] += (uint8_t)(round + page);
        sum = (sum ^ buffer[page * PAGE]) * 0x100000001b3ull;
    }
    return sum;
}

int main(int argc, char **argv)
{
    int rounds = DEFAULT_ROUNDS * (argc > 1 ? atoi(argv[1]) : 1);
    for (size_t i = 0; i < sizeof buffer; i++) buffer[i] = (uint8_t)(i * 31 + 7);
    uint64_t total = 0;
    for (int round = 0; round < rounds; round++) {
        int ends[2];
        if (pipe(ends) != 0) { perror("pipe"); return 1; }
        pid_t child = fork();
        if (child < 0) { perror("fork"); return 1; }
        if (child == 0) {
            uint64_t sum = touch_pages(round);
            if (write(ends[1], &sum, sizeof sum) != sizeof sum) _exit(255);
            _exit(round & 0x7f);
        }
        close(ends[1]);
        uint64_t sum = 0;
        if (read(ends[0], &sum, sizeof sum) != sizeof sum) { fprintf(stderr, "short read\n"); return 1; }
        close(ends[0]);
        int status = 0;
        if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != (round & 0x7f)) {
            fprintf(stderr, "round %d: bad wait status %#x\n", round, status);
            return 1;
        }
        total = (total ^ sum) * 0x100000001b3ull;
    }
    if (buffer[0] != 7) { fprintf(stderr, "the parent's pages changed\n"); return 1; }
    printf("processes: %d rounds, checksum %016llx\n", rounds, (unsigned long long)total);
    return 0;
}
