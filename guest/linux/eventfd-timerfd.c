/* eventfd and timerfd: a counter's reads and writes (all at once, or one at a time with
 * EFD_SEMAPHORE), EAGAIN at zero when non-blocking, a read that blocks until a forked child
 * writes, a counter and a timer under epoll; a one-shot and an interval timer (their expiry
 * counts), timerfd_gettime, disarming, TFD_TIMER_ABSTIME, and the errors. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void show(const char *what, long result) {
    if (result < 0) printf("%s: -1 %s\n", what, strerror(errno));
    else printf("%s: %ld\n", what, result);
}

int main(void) {
    int counter = eventfd(3, EFD_NONBLOCK | EFD_CLOEXEC);
    printf("FD_CLOEXEC %d\n", fcntl(counter, F_GETFD) & FD_CLOEXEC);
    uint64_t value = 0;
    show("read", read(counter, &value, 8));
    printf("value %llu\n", (unsigned long long)value);
    show("read at zero", read(counter, &value, 8));
    value = 5;
    show("write", write(counter, &value, 8));
    show("short read", read(counter, &value, 4));
    uint64_t max = UINT64_MAX;
    show("write the maximum", write(counter, &max, 8));

    int semaphore = eventfd(2, EFD_SEMAPHORE);
    read(semaphore, &value, 8);
    printf("semaphore read %llu\n", (unsigned long long)value);
    read(semaphore, &value, 8);
    printf("semaphore read %llu\n", (unsigned long long)value);

    int blocking = eventfd(0, 0);
    pid_t child = fork();
    if (child == 0) {
        usleep(20000);
        uint64_t one = 7;
        write(blocking, &one, 8);
        _exit(0);
    }
    show("blocking read", read(blocking, &value, 8));
    printf("from the child %llu\n", (unsigned long long)value);
    waitpid(child, NULL, 0);

    int timer = timerfd_create(CLOCK_MONOTONIC, 0);
    struct itimerspec once = {.it_value = {0, 30000000}};
    show("settime", timerfd_settime(timer, 0, &once, NULL));
    struct itimerspec now;
    timerfd_gettime(timer, &now);
    printf("armed: %d, interval %ld\n", now.it_value.tv_nsec > 0 || now.it_value.tv_sec > 0, (long)now.it_interval.tv_nsec);
    uint64_t expirations = 0;
    show("read waits for the expiry", read(timer, &expirations, 8));
    printf("expirations %llu\n", (unsigned long long)expirations);

    int epfd = epoll_create1(0);
    struct epoll_event event = {.events = EPOLLIN, .data.u32 = 1};
    epoll_ctl(epfd, EPOLL_CTL_ADD, timer, &event);
    event.data.u32 = 2;
    epoll_ctl(epfd, EPOLL_CTL_ADD, counter, &event);
    struct itimerspec interval = {.it_interval = {0, 10000000}, .it_value = {0, 10000000}};
    struct itimerspec old;
    timerfd_settime(timer, 0, &interval, &old);
    printf("old setting: %ld %ld\n", (long)old.it_value.tv_sec, (long)old.it_value.tv_nsec);
    read(counter, &value, 8);
    struct epoll_event got[2];
    int n = epoll_wait(epfd, got, 2, -1);
    printf("epoll: %d event(s), first data %u\n", n, got[0].data.u32);
    usleep(35000);
    read(timer, &expirations, 8);
    printf("interval expirations at least 3: %d\n", expirations >= 3);
    struct itimerspec off = {0};
    timerfd_settime(timer, 0, &off, NULL);
    timerfd_gettime(timer, &now);
    printf("disarmed: %ld %ld\n", (long)now.it_value.tv_sec, (long)now.it_value.tv_nsec);

    struct timespec current;
    clock_gettime(CLOCK_REALTIME, &current);
    int absolute = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK);
    struct itimerspec past = {.it_value = {current.tv_sec - 1, 0}};
    show("absolute time in the past", timerfd_settime(absolute, TFD_TIMER_ABSTIME, &past, NULL));
    show("read at once", read(absolute, &expirations, 8));
    show("non-blocking read before expiry", (timerfd_settime(absolute, 0, &once, NULL), read(absolute, &expirations, 8)));

    show("eventfd bad flags", eventfd(0, 0x10));
    show("timerfd bad clock", timerfd_create(99, 0));
    struct itimerspec bad = {.it_value = {0, 2000000000}};
    show("settime bad nanoseconds", timerfd_settime(timer, 0, &bad, NULL));
    show("settime on an eventfd", timerfd_settime(counter, 0, &once, NULL));
    return 0;
}
