#define _GNU_SOURCE
#include <errno.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include "CHostSys.h"

int tinyrv_eventfd(unsigned initial, int flags) {
    int fd = eventfd(initial, flags);
    return fd < 0 ? -errno : fd;
}

int tinyrv_timerfd_create(int clock, int flags) {
    int fd = timerfd_create(clock, flags);
    return fd < 0 ? -errno : fd;
}

static void to_spec(const long long words[4], struct itimerspec *spec) {
    spec->it_interval.tv_sec = words[0];
    spec->it_interval.tv_nsec = words[1];
    spec->it_value.tv_sec = words[2];
    spec->it_value.tv_nsec = words[3];
}

static void from_spec(const struct itimerspec *spec, long long words[4]) {
    words[0] = spec->it_interval.tv_sec;
    words[1] = spec->it_interval.tv_nsec;
    words[2] = spec->it_value.tv_sec;
    words[3] = spec->it_value.tv_nsec;
}

int tinyrv_timerfd_settime(int fd, int flags, const long long new_value[4], long long old_value[4]) {
    struct itimerspec wanted, previous;
    to_spec(new_value, &wanted);
    if (timerfd_settime(fd, flags, &wanted, &previous) < 0) return -errno;
    from_spec(&previous, old_value);
    return 0;
}

int tinyrv_timerfd_gettime(int fd, long long value[4]) {
    struct itimerspec current;
    if (timerfd_gettime(fd, &current) < 0) return -errno;
    from_spec(&current, value);
    return 0;
}
