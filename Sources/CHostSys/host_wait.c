#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <time.h>
#include "CHostSys.h"

int tinyrv_wait_for_events(void *records, unsigned long count, long long timeout_ns) {
    struct timespec timeout = { .tv_sec = timeout_ns / 1000000000LL, .tv_nsec = timeout_ns % 1000000000LL };
    int n = ppoll((struct pollfd *)records, count, timeout_ns < 0 ? NULL : &timeout, NULL);
    return n < 0 ? -errno : n;
}
