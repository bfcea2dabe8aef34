/* Transfers that Linux completes in one call: a read of a regular file returns the whole count up
 * to the end of the file; a blocking write or writev to a pipe returns only when every byte is in
 * (the writer waits for the reader as often as it must), unless a signal interrupts it, when it
 * returns the bytes written so far; a reader that goes away midway ends it with what was written
 * and SIGPIPE. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#define BIG 300000

static char data[BIG];
static volatile sig_atomic_t alarms;

static void on_alarm(int signal)
{
    (void)signal;
    alarms++;
}

/* A child that sleeps, then reads the pipe to its end and reports the byte count; or, with
 * `stop_after`, reads that many bytes and exits. */
static pid_t reader(int ends[2], size_t stop_after)
{
    fflush(stdout);
    pid_t child = fork();
    if (child != 0) return child;
    close(ends[1]);
    usleep(50000);
    size_t total = 0;
    char buffer[4096];
    ssize_t n;
    while ((n = read(ends[0], buffer, sizeof buffer)) > 0) {
        total += (size_t)n;
        if (stop_after && total >= stop_after) _exit(0);
    }
    printf("reader got %zu bytes\n", total);
    fflush(stdout);
    _exit(0);
}

static void whole_file_read(void)
{
    int fd = open("/proc/self/exe", O_RDONLY);
    struct stat status;
    fstat(fd, &status);
    static char buffer[4 << 20];
    ssize_t n = read(fd, buffer, sizeof buffer);
    printf("read of a %s file: %s\n", status.st_size > 65536 ? "large" : "small",
           n == status.st_size ? "whole" : "short");
    close(fd);
}

static void whole_pipe_write(void)
{
    int ends[2];
    pipe(ends);
    pid_t child = reader(ends, 0);
    close(ends[0]);
    printf("write of %d bytes to a pipe: %zd\n", BIG, write(ends[1], data, BIG));
    fflush(stdout);
    close(ends[1]);
    waitpid(child, NULL, 0);
}

static void whole_pipe_writev(void)
{
    int ends[2];
    pipe(ends);
    pid_t child = reader(ends, 0);
    close(ends[0]);
    struct iovec pieces[3] = {{data, 70000}, {data + 70000, 1}, {data + 70001, BIG - 70001}};
    printf("writev of %d bytes to a pipe: %zd\n", BIG, writev(ends[1], pieces, 3));
    fflush(stdout);
    close(ends[1]);
    waitpid(child, NULL, 0);
}

static void interrupted_pipe_write(void)
{
    int ends[2];
    pipe(ends);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_alarm;
    action.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &action, NULL);
    struct itimerval timer = {{0, 0}, {0, 100000}};
    setitimer(ITIMER_REAL, &timer, NULL);
    ssize_t n = write(ends[1], data, BIG);
    printf("interrupted write: %s (%d alarm)\n", n > 0 && n < BIG ? "partial count" : "whole or error", (int)alarms);
    close(ends[0]);
    close(ends[1]);
}

static void broken_pipe_write(void)
{
    int ends[2];
    pipe(ends);
    signal(SIGPIPE, SIG_IGN);
    pid_t child = reader(ends, 10000);
    close(ends[0]);
    errno = 0;
    ssize_t n = write(ends[1], data, BIG);
    printf("write to a reader that left: %s, errno %d\n", n > 0 && n < BIG ? "partial count" : "whole or error", errno);
    ssize_t again = write(ends[1], data, 10);
    printf("next write: %zd, %s\n", again, strerror(errno));
    close(ends[1]);
    waitpid(child, NULL, 0);
}

int main(void)
{
    for (int i = 0; i < BIG; i++) data[i] = (char)i;
    whole_file_read();
    whole_pipe_write();
    whole_pipe_writev();
    interrupted_pipe_write();
    broken_pipe_write();
    return 0;
}
