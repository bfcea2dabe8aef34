/* Pipes between processes: both directions, EOF when every writer closed, EPIPE (and SIGPIPE) when
 * every reader closed, O_NONBLOCK, a transfer larger than the pipe, fcntl flags, poll. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int child_status(pid_t pid)
{
    int status;
    waitpid(pid, &status, 0);
    return status;
}

int main(void)
{
    int down[2], up[2];
    if (pipe(down) || pipe(up)) return 10;
    pid_t pid = fork();
    if (pid == 0) {
        close(down[1]);
        close(up[0]);
        char buffer[64];
        ssize_t n = read(down[0], buffer, sizeof buffer);
        for (ssize_t i = 0; i < n; i++) buffer[i] = buffer[i] >= 'a' && buffer[i] <= 'z' ? buffer[i] - 32 : buffer[i];
        write(up[1], buffer, n);
        n = read(down[0], buffer, sizeof buffer);
        _exit(n == 0 ? 0 : 1);
    }
    close(down[0]);
    close(up[1]);
    write(down[1], "hello pipe", 10);
    char reply[64] = {0};
    ssize_t n = read(up[0], reply, sizeof reply - 1);
    printf("reply %zd: %s\n", n, reply);
    close(down[1]);
    printf("child saw EOF: status %d\n", WEXITSTATUS(child_status(pid)));
    printf("read after the writer closed: %zd\n", read(up[0], reply, sizeof reply));
    close(up[0]);

    /* More than the pipe holds: the writer blocks until the reader drains it. */
    int big[2];
    pipe(big);
    pid = fork();
    if (pid == 0) {
        close(big[0]);
        static char chunk[10000];
        for (int i = 0; i < 30; i++) {
            memset(chunk, 'a' + i % 26, sizeof chunk);
            for (size_t done = 0; done < sizeof chunk;) {
                ssize_t w = write(big[1], chunk + done, sizeof chunk - done);
                if (w <= 0) _exit(2);
                done += w;
            }
        }
        _exit(0);
    }
    close(big[1]);
    long total = 0, checksum = 0;
    char buffer[4096];
    while ((n = read(big[0], buffer, sizeof buffer)) > 0) {
        for (ssize_t i = 0; i < n; i++) checksum += buffer[i];
        total += n;
    }
    close(big[0]);
    printf("big transfer: %ld bytes, checksum %ld, writer status %d\n", total, checksum, WEXITSTATUS(child_status(pid)));

    /* EPIPE with SIGPIPE ignored, then a writer killed by SIGPIPE. */
    int broken[2];
    pipe(broken);
    close(broken[0]);
    signal(SIGPIPE, SIG_IGN);
    errno = 0;
    printf("write with no reader: %zd EPIPE %d\n", write(broken[1], "x", 1), errno == EPIPE);
    signal(SIGPIPE, SIG_DFL);
    pid = fork();
    if (pid == 0) {
        write(broken[1], "x", 1);
        _exit(0);
    }
    int status = child_status(pid);
    printf("writer killed by signal %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    close(broken[1]);

    /* O_NONBLOCK, fcntl flags and close-on-exec. */
    int flags[2];
    pipe2(flags, O_NONBLOCK | O_CLOEXEC);
    errno = 0;
    printf("empty non-blocking read: %zd EAGAIN %d\n", read(flags[0], buffer, 1), errno == EAGAIN);
    printf("F_GETFL nonblock %d, F_GETFD cloexec %d\n", (fcntl(flags[0], F_GETFL) & O_NONBLOCK) != 0,
           fcntl(flags[0], F_GETFD) == FD_CLOEXEC);
    fcntl(flags[0], F_SETFL, 0);
    fcntl(flags[0], F_SETFD, 0);
    printf("after F_SETFL 0: nonblock %d, cloexec %d, access %d\n", (fcntl(flags[0], F_GETFL) & O_NONBLOCK) != 0,
           fcntl(flags[0], F_GETFD), fcntl(flags[0], F_GETFL) & O_ACCMODE);
    int copy = fcntl(flags[1], F_DUPFD_CLOEXEC, 20);
    printf("F_DUPFD_CLOEXEC: fd >= 20 %d, cloexec %d\n", copy >= 20, fcntl(copy, F_GETFD));

    /* poll sees data, then a hang-up once both writers are closed. */
    struct pollfd record = {.fd = flags[0], .events = POLLIN};
    printf("poll empty: %d\n", poll(&record, 1, 0));
    write(copy, "z", 1);
    printf("poll with data: %d revents POLLIN %d\n", poll(&record, 1, -1), (record.revents & POLLIN) != 0);
    read(flags[0], buffer, 1);
    close(copy);
    close(flags[1]);
    printf("poll after writers closed: %d revents POLLHUP %d\n", poll(&record, 1, -1), (record.revents & POLLHUP) != 0);

    /* A pipe's capacity: 64 KiB, changed with F_SETPIPE_SZ (rounded up to a power of two of pages). */
    int sized[2];
    pipe(sized);
    printf("F_GETPIPE_SZ: %d\n", fcntl(sized[0], F_GETPIPE_SZ));
    printf("F_SETPIPE_SZ 10000: %d, now %d\n", fcntl(sized[1], F_SETPIPE_SZ, 10000), fcntl(sized[0], F_GETPIPE_SZ));
    printf("F_GETPIPE_SZ of stdin, not a pipe: %s\n", fcntl(0, F_GETPIPE_SZ) < 0 ? strerror(errno) : "a pipe");
    return 0;
}
