#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include "CHostSys.h"

int tinyrv_epoll_create(void) {
    int fd = epoll_create1(EPOLL_CLOEXEC);
    return fd < 0 ? -errno : fd;
}

int tinyrv_epoll_ctl(int epfd, int op, int fd, unsigned events, unsigned long long data) {
    struct epoll_event event = { .events = events, .data.u64 = data };
    return epoll_ctl(epfd, op, fd, &event) < 0 ? -errno : 0;
}

int tinyrv_epoll_ready(int epfd, unsigned long long *out, int limit) {
    struct epoll_event *events = calloc((size_t)limit, sizeof *events);
    if (!events) return -ENOMEM;
    int n = epoll_wait(epfd, events, limit, 0);
    int result = n < 0 ? -errno : n;
    for (int i = 0; i < n; i++) {
        out[2 * i] = events[i].events;
        out[2 * i + 1] = events[i].data.u64;
    }
    free(events);
    return result;
}
