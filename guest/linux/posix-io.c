/* The file-descriptor and process calls of static programs, printed only where the result is the same on
 * every Linux host: write/writev mixed with stdio, dup/dup3/fcntl, isatty on redirected streams, openat,
 * faccessat, stat, pread, a sorted directory listing (getdents64), /proc/self/exe, getrandom, clocks,
 * nanosleep, uname's machine and identity calls. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#define DATA "guest/linux/data"

static int compare_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void descriptors(void)
{
    printf("stdio line before write(2)\n");
    fflush(stdout);
    static const char direct[] = "write(1) directly\n";
    write(1, direct, sizeof direct - 1);
    struct iovec parts[3] = {{"writev ", 7}, {"in three ", 9}, {"parts\n", 6}};
    printf("writev wrote %zd\n", writev(1, parts, 3));
    int copy = dup(1);
    int copy2 = dup3(copy, 10, O_CLOEXEC);
    printf("dup gives a new fd %d, dup3 to 10 gives %d\n", copy > 2, copy2);
    write(copy2, "through the dup3 copy\n", 22);
    printf("fcntl F_GETFD on 10: cloexec %d; on dup: %d\n", (fcntl(10, F_GETFD) & FD_CLOEXEC) != 0,
           (fcntl(copy, F_GETFD) & FD_CLOEXEC) != 0);
    printf("fcntl F_GETFL on 1: write-only or read-write %d\n", (fcntl(1, F_GETFL) & O_ACCMODE) != O_RDONLY);
    close(copy);
    close(copy2);
    errno = 0;
    printf("write to a closed fd: %zd errno EBADF %d\n", write(copy2, "x", 1), errno == EBADF);
    printf("isatty 0 %d 1 %d 2 %d\n", isatty(0), isatty(1), isatty(2));
}

static void files(void)
{
    int fd = openat(AT_FDCWD, DATA "/input.txt", O_RDONLY | O_CLOEXEC);
    char head[24] = "";
    ssize_t n = pread(fd, head, sizeof head - 1, 0);
    printf("openat ok %d pread %zd: %s\n", fd >= 0, n, strtok(head, "\n"));
    struct stat info;
    printf("stat %d size %lld regular %d; fstat dir is dir %d\n", stat(DATA "/input.txt", &info),
           (long long)info.st_size, S_ISREG(info.st_mode), stat(DATA, &info) == 0 && S_ISDIR(info.st_mode));
    close(fd);
    printf("access F_OK %d R_OK %d missing %d errno ENOENT %d\n", access(DATA "/input.txt", F_OK),
           access(DATA "/input.txt", R_OK), access(DATA "/missing", F_OK), errno == ENOENT);
    errno = 0;
    printf("open missing %d errno ENOENT %d\n", open(DATA "/missing", O_RDONLY), errno == ENOENT);

    DIR *dir = opendir(DATA);
    char *names[64];
    int count = 0;
    struct dirent *entry;
    while (dir && (entry = readdir(dir)) != NULL && count < 64) names[count++] = strdup(entry->d_name);
    if (dir) closedir(dir);
    qsort(names, (size_t)count, sizeof names[0], compare_names);
    printf("directory %s:", DATA);
    for (int i = 0; i < count; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

static void process(void)
{
    char path[4096];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n > 0) path[n] = '\0';
    const char *base = n > 0 ? strrchr(path, '/') : NULL;
    printf("/proc/self/exe absolute %d basename %s\n", n > 0 && path[0] == '/', base ? base + 1 : "(none)");
    unsigned char random_bytes[16];
    printf("getrandom %zd\n", getrandom(random_bytes, sizeof random_bytes, 0));
    struct timespec t1, t2, sleep_for = {0, 1000000};
    clock_gettime(CLOCK_MONOTONIC, &t1);
    int slept = nanosleep(&sleep_for, NULL);
    clock_gettime(CLOCK_MONOTONIC, &t2);
    double elapsed = (double)(t2.tv_sec - t1.tv_sec) + (double)(t2.tv_nsec - t1.tv_nsec) / 1e9;
    printf("nanosleep %d, monotonic clock advanced at least 1 ms %d\n", slept, elapsed >= 0.001);
    struct timeval now;
    struct timespec real;
    clock_gettime(CLOCK_REALTIME, &real);
    printf("gettimeofday %d, after 2020 %d, agrees with CLOCK_REALTIME %d\n", gettimeofday(&now, NULL),
           now.tv_sec > 1577836800, labs((long)(now.tv_sec - real.tv_sec)) <= 1);
    struct utsname names;
    printf("uname %d sysname %s machine %s\n", uname(&names), names.sysname, names.machine);
    printf("getpid stable %d, gettid == getpid %d, getppid positive %d, uid %d\n", getpid() == getpid(),
           gettid() == getpid(), getppid() > 0, getuid() == geteuid());
}

int main(void)
{
    descriptors();
    files();
    process();
    return 0;
}
