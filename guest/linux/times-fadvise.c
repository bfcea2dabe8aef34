/* times(2) and posix_fadvise: times returns a growing tick count and fills struct tms with user
 * time that grows with work; fadvise takes any advice on a file and refuses pipes, unknown advice,
 * negative lengths and closed descriptors. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/times.h>
#include <unistd.h>

int main(void) {
    struct tms before, after;
    clock_t start = times(&before);
    for (volatile long i = 0; i < 30000000; i++) {}
    usleep(20000);
    clock_t end = times(&after);
    printf("ticks grow: %d\n", end > start && start > 0);
    printf("user time grows: %d, children's is zero: %d\n", after.tms_utime > before.tms_utime,
           after.tms_cutime == 0 && after.tms_cstime == 0);
    printf("times(NULL) works: %d\n", times(NULL) >= end);

    int file = open("/proc/self/exe", O_RDONLY);
    for (int advice = 0; advice <= 5; advice++) printf("advice %d: %s\n", advice, strerror(posix_fadvise(file, 0, 4096, advice)));
    int ends[2];
    pipe(ends);
    printf("on a pipe: %s\n", strerror(posix_fadvise(ends[0], 0, 0, POSIX_FADV_NORMAL)));
    printf("unknown advice: %s\n", strerror(posix_fadvise(file, 0, 0, 9)));
    printf("negative length: %s\n", strerror(posix_fadvise(file, 0, -1, POSIX_FADV_NORMAL)));
    printf("closed descriptor: %s\n", strerror(posix_fadvise(77, 0, 0, POSIX_FADV_NORMAL)));
    return 0;
}
