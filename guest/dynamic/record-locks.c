// fcntl record locks between processes: a write lock keeps another process out (F_SETLK EAGAIN,
// F_GETLK names the lock), ranges that do not overlap coexist, F_SETLKW waits until the holder
// unlocks, and bad requests fail as on Linux.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char path[64];

static int lock(int fd, int command, short type, off_t start, off_t length) {
    struct flock record = {.l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = length};
    return fcntl(fd, command, &record) == 0 ? 0 : -errno;
}

static void pause_ms(long ms) {
    struct timespec time = {0, ms * 1000000};
    nanosleep(&time, NULL);
}

int main(void) {
    snprintf(path, sizeof path, "record-locks-%d.tmp", (int)getpid());
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    write(fd, "0123456789abcdefghij", 20);
    printf("parent write-locks 0-9: %d\n", lock(fd, F_SETLK, F_WRLCK, 0, 10));
    struct flock probe = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 20};
    fcntl(fd, F_GETLK, &probe);
    printf("its own lock is not in its way: %d\n", probe.l_type == F_UNLCK);
    fflush(stdout);

    pid_t child = fork();
    if (child == 0) {
        int own = open(path, O_RDWR);
        printf("child write-locks 0-9: %s\n", strerror(-lock(own, F_SETLK, F_WRLCK, 0, 10)));
        printf("child read-locks 5-14: %s\n", strerror(-lock(own, F_SETLK, F_RDLCK, 5, 10)));
        printf("child write-locks 10-19: %d\n", lock(own, F_SETLK, F_WRLCK, 10, 10));
        struct flock asked = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
        fcntl(own, F_GETLK, &asked);
        printf("child sees in the way: type %s, start %lld, length %lld\n", asked.l_type == F_WRLCK ? "F_WRLCK" : "other",
               (long long)asked.l_start, (long long)asked.l_len);
        fflush(stdout);
        printf("child waits for 0-9: %d\n", lock(own, F_SETLKW, F_WRLCK, 0, 10));
        fflush(stdout);
        _exit(0);
    }
    pause_ms(100);
    printf("parent unlocks\n");
    fflush(stdout);
    lock(fd, F_SETLK, F_UNLCK, 0, 0);
    int status;
    waitpid(child, &status, 0);
    printf("child exited %d\n", WEXITSTATUS(status));

    printf("parent write-locks 0-9 again: %d\n", lock(fd, F_SETLK, F_WRLCK, 0, 10));
    int second = open(path, O_RDWR);
    printf("and through a second descriptor, its own lock is no obstacle: %d\n", lock(second, F_SETLK, F_WRLCK, 0, 10));
    close(second);
    fflush(stdout);
    child = fork();
    if (child == 0) {
        int own = open(path, O_RDWR);
        printf("closing the second descriptor dropped the parent's locks: %d\n", lock(own, F_SETLK, F_WRLCK, 0, 10));
        fflush(stdout);
        _exit(0);
    }
    waitpid(child, NULL, 0);

    int reading = open(path, O_RDONLY);
    printf("write lock on a read-only descriptor: %s\n", strerror(-lock(reading, F_SETLK, F_WRLCK, 0, 1)));
    printf("lock type 5: %s\n", strerror(-lock(fd, F_SETLK, 5, 0, 1)));
    printf("origin 9: %s\n", fcntl(fd, F_SETLK, &(struct flock){.l_type = F_RDLCK, .l_whence = 9}) == 0 ? "ok" : strerror(errno));
    printf("bad pointer: %s\n", fcntl(fd, F_SETLK, (struct flock *)8) == 0 ? "ok" : strerror(errno));
    struct flock with_pid = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_pid = 1};
    printf("F_OFD_SETLK with a pid: %s\n", fcntl(fd, F_OFD_SETLK, &with_pid) == 0 ? "ok" : strerror(errno));
    with_pid.l_pid = 0;
    printf("F_OFD_SETLK: %d\n", fcntl(fd, F_OFD_SETLK, &with_pid));
    unlink(path);
    return 0;
}
