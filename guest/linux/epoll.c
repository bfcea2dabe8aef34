/* epoll over pipes and socket pairs: level-triggered readiness and its data word, EPOLLOUT,
 * edge-triggered (reported once per change), one-shot (until EPOLL_CTL_MOD), EPOLLHUP when the
 * writer closes, a timeout, a wait that blocks until a forked child writes, and
 * the errors: EEXIST, ENOENT, EPERM for a regular file, EINVAL for the instance itself, a bad
 * op or maxevents, EFAULT, EBADF; reading or writing the instance is EINVAL at once, also while
 * another task runs. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <stdint.h>
#include <unistd.h>

/* An address no program maps, hidden from the compiler's bounds checks. */
static volatile uintptr_t bad_address = 8;

static void show(const char *what, long result) {
    if (result < 0) printf("%s: -1 %s\n", what, strerror(errno));
    else printf("%s: %ld\n", what, result);
}

static void wait_and_show(int epfd, const char *what, int timeout) {
    struct epoll_event events[4];
    int n = epoll_wait(epfd, events, 4, timeout);
    printf("%s: %d", what, n);
    for (int i = 0; i < n; i++) printf(" [events %#x data %llu]", events[i].events, (unsigned long long)events[i].data.u64);
    printf("\n");
}

int main(void) {
    int epfd = epoll_create1(EPOLL_CLOEXEC);
    printf("epoll_create1: %s, FD_CLOEXEC %d\n", epfd >= 0 ? "ok" : "failed", fcntl(epfd, F_GETFD) & FD_CLOEXEC);
    int p[2];
    pipe(p);
    struct epoll_event event = {.events = EPOLLIN, .data.u64 = 0x1122334455667788ULL};
    show("add reader", epoll_ctl(epfd, EPOLL_CTL_ADD, p[0], &event));
    show("add reader again", epoll_ctl(epfd, EPOLL_CTL_ADD, p[0], &event));
    wait_and_show(epfd, "nothing yet", 0);
    write(p[1], "ab", 2);
    wait_and_show(epfd, "level-triggered", 0);
    wait_and_show(epfd, "still readable", 0);

    event.events = EPOLLIN | EPOLLET;
    event.data.u64 = 7;
    show("modify to edge-triggered", epoll_ctl(epfd, EPOLL_CTL_MOD, p[0], &event));
    wait_and_show(epfd, "edge after modify", 0);
    wait_and_show(epfd, "edge again", 0);
    write(p[1], "c", 1);
    wait_and_show(epfd, "edge after a write", 0);

    event.events = EPOLLIN | EPOLLONESHOT;
    event.data.u64 = 9;
    epoll_ctl(epfd, EPOLL_CTL_MOD, p[0], &event);
    wait_and_show(epfd, "one-shot", 0);
    wait_and_show(epfd, "one-shot disarmed", 0);
    epoll_ctl(epfd, EPOLL_CTL_MOD, p[0], &event);
    wait_and_show(epfd, "one-shot rearmed", 0);

    show("delete", epoll_ctl(epfd, EPOLL_CTL_DEL, p[0], NULL));
    show("delete again", epoll_ctl(epfd, EPOLL_CTL_DEL, p[0], NULL));
    event.events = EPOLLOUT;
    event.data.u64 = 2;
    epoll_ctl(epfd, EPOLL_CTL_ADD, p[1], &event);
    wait_and_show(epfd, "writable", 0);
    epoll_ctl(epfd, EPOLL_CTL_DEL, p[1], NULL);

    char drain[8];
    read(p[0], drain, sizeof drain);
    event.events = EPOLLIN;
    event.data.u64 = 3;
    epoll_ctl(epfd, EPOLL_CTL_ADD, p[0], &event);
    struct timespec before, after;
    clock_gettime(CLOCK_MONOTONIC, &before);
    wait_and_show(epfd, "timeout 30 ms", 30);
    clock_gettime(CLOCK_MONOTONIC, &after);
    long elapsed = (after.tv_sec - before.tv_sec) * 1000 + (after.tv_nsec - before.tv_nsec) / 1000000;
    printf("waited at least 30 ms: %d\n", elapsed >= 29);

    pid_t child = fork();
    if (child == 0) {
        usleep(20000);
        write(p[1], "z", 1);
        _exit(0);
    }
    wait_and_show(epfd, "blocked until the child wrote", -1);
    waitpid(child, NULL, 0);
    read(p[0], drain, sizeof drain);
    struct epoll_event got[2];
    close(p[1]);
    wait_and_show(epfd, "writer closed", 0);

    int s[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, s);
    event.events = EPOLLIN | EPOLLRDHUP;
    event.data.u64 = 4;
    epoll_ctl(epfd, EPOLL_CTL_ADD, s[0], &event);
    send(s[1], "q", 1, 0);
    shutdown(s[1], SHUT_WR);
    wait_and_show(epfd, "socket data and peer shutdown", 0);

    int file = open("/proc/self/exe", O_RDONLY);
    show("add a regular file", epoll_ctl(epfd, EPOLL_CTL_ADD, file, &event));
    show("add the instance itself", epoll_ctl(epfd, EPOLL_CTL_ADD, epfd, &event));
    show("bad op", epoll_ctl(epfd, 9, s[1], &event));
    show("bad event pointer", epoll_ctl(epfd, EPOLL_CTL_ADD, s[1], (struct epoll_event *)bad_address));
    show("closed descriptor", epoll_ctl(epfd, EPOLL_CTL_ADD, 999, &event));
    show("not an epoll instance", epoll_ctl(s[1], EPOLL_CTL_ADD, s[0], &event));
    show("maxevents 0", epoll_wait(epfd, got, 0, 0));
    show("bad events pointer", epoll_wait(epfd, (struct epoll_event *)bad_address, 2, 0));
    show("epoll_create1 bad flags", epoll_create1(1));
    pid_t sleeper = fork();
    if (sleeper == 0) {
        usleep(50000);
        _exit(0);
    }
    show("write to the instance while another task runs", write(epfd, "x", 1));
    show("read from the instance", read(epfd, drain, sizeof drain));
    waitpid(sleeper, NULL, 0);
    return 0;
}
