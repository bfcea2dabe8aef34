/* The /proc files programs read about themselves and the machine, checked against what the
 * program knows from its own syscalls, so that the printed lines are the same under Linux: stat
 * and status name the process, its parent and its state; cmdline is argv; comm is the program's
 * name; a child's /proc/<pid>/stat names its parent and shows it sleeping while it waits on a
 * pipe; meminfo's total is sysinfo's RAM; uptime and loadavg parse; mounts has the root; a pid
 * that does not exist has no /proc directory, and /proc files cannot be opened for writing;
 * getrusage(RUSAGE_SELF) counts the process's own time, not a child's; /proc and /proc/self/fd
 * list their entries (again after rewinddir), /proc/self is a directory, fd/0 a link, and
 * /proc/stat has the boot time. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>

static char buffer[65536];

/* The whole file at `path` in `buffer`, NUL-terminated; its length, or -errno. */
static long slurp(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return -errno;
    long total = 0, n;
    while ((n = read(fd, buffer + total, sizeof buffer - 1 - total)) > 0) total += n;
    close(fd);
    buffer[total] = 0;
    return total;
}

/* Fields 1-5 of a stat line: pid, comm, state, ppid, pgrp. */
static int stat_fields(const char *path, int *pid, char *comm, char *state, int *ppid) {
    if (slurp(path) <= 0) return 0;
    char *open_paren = strchr(buffer, '('), *close_paren = strrchr(buffer, ')');
    if (!open_paren || !close_paren) return 0;
    *pid = atoi(buffer);
    memcpy(comm, open_paren + 1, close_paren - open_paren - 1);
    comm[close_paren - open_paren - 1] = 0;
    *state = close_paren[2];
    *ppid = atoi(close_paren + 4);
    int fields = 2;
    for (char *p = close_paren + 1; *p; p++) fields += *p == ' ';
    return fields;
}

/* The number after `name` in `buffer` (a "Name:\tvalue" or "Name: value kB" line), or -1. */
static long field(const char *name) {
    char *at = strstr(buffer, name);
    return at ? strtol(at + strlen(name), NULL, 10) : -1;
}

int main(int argc, char **argv) {
    int pid, ppid;
    char comm[64], state;
    int fields = stat_fields("/proc/self/stat", &pid, comm, &state, &ppid);
    printf("self stat: %d fields, pid %s, comm %s, state %c, ppid %s\n", fields >= 52 ? 52 : fields,
           pid == getpid() ? "ok" : "wrong", comm, state, ppid == getppid() ? "ok" : "wrong");

    slurp("/proc/self/status");
    printf("self status: Pid %s, PPid %s, Name %s\n", field("\nPid:") == getpid() ? "ok" : "wrong",
           field("\nPPid:") == getppid() ? "ok" : "wrong", strncmp(buffer, "Name:\tprocfs\n", 13) == 0 ? "ok" : "wrong");

    long length = slurp("/proc/self/cmdline");
    long expected = 0;
    for (int i = 0; i < argc; i++) expected += strlen(argv[i]) + 1;
    int same = length == expected;
    for (long at = 0, i = 0; same && i < argc; at += strlen(argv[i]) + 1, i++) same = strcmp(buffer + at, argv[i]) == 0;
    printf("cmdline: %d arguments, %s\n", argc, same ? "equal to argv" : "different");
    slurp("/proc/self/comm");
    printf("comm: %s", buffer);

    int ends[2];
    pipe(ends);
    pid_t child = fork();
    if (child == 0) {
        char byte;
        close(ends[1]);
        read(ends[0], &byte, 1);
        _exit(0);
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)child);
    char child_state = '?';
    for (int tries = 0; tries < 200 && child_state != 'S'; tries++) {
        stat_fields(path, &pid, comm, &child_state, &ppid);
        if (child_state != 'S') usleep(1000);
    }
    printf("child stat: pid %s, comm %s, state %c, ppid %s\n", pid == child ? "ok" : "wrong", comm, child_state,
           ppid == getpid() ? "ok" : "wrong");
    close(ends[1]);
    waitpid(child, NULL, 0);
    pid_t spinner = fork();
    if (spinner == 0) {
        for (volatile long i = 0; i < 10000000; i++) {}
        _exit(0);
    }
    waitpid(spinner, NULL, 0);
    struct rusage own, thread;
    getrusage(RUSAGE_SELF, &own);
    getrusage(RUSAGE_THREAD, &thread);
    long own_ms = own.ru_utime.tv_sec * 1000 + own.ru_utime.tv_usec / 1000;
    long thread_ms = thread.ru_utime.tv_sec * 1000 + thread.ru_utime.tv_usec / 1000;
    printf("getrusage: the parent's own time leaves out its child's spin: %s\n",
           own_ms < 100 && thread_ms <= own_ms ? "yes" : "no");
    printf("a pid with no process: %s\n", slurp("/proc/999999/stat") == -ENOENT ? "ENOENT" : "found");

    struct sysinfo info;
    sysinfo(&info);
    slurp("/proc/meminfo");
    printf("meminfo: MemTotal %s, MemFree %s\n",
           field("MemTotal:") == (long)(info.totalram * info.mem_unit / 1024) ? "is sysinfo's RAM" : "differs",
           field("MemFree:") > 0 && field("MemFree:") <= field("MemTotal:") ? "plausible" : "wrong");
    slurp("/proc/uptime");
    double up = -1, idle = -1;
    printf("uptime: %s\n", sscanf(buffer, "%lf %lf", &up, &idle) == 2 && up > 0 ? "two numbers" : "wrong");
    slurp("/proc/loadavg");
    double loads[3];
    int running, total, last;
    printf("loadavg: %s\n", sscanf(buffer, "%lf %lf %lf %d/%d %d", &loads[0], &loads[1], &loads[2], &running, &total,
                                   &last) == 6 && running >= 1 && total >= running ? "six fields" : "wrong");
    slurp("/proc/mounts");
    printf("mounts: %s\n", strstr(buffer, " / ") ? "has the root" : "no root");
    DIR *fds = opendir("/proc/self/fd");
    int listed = 0, itself = 0;
    for (struct dirent *entry; fds && (entry = readdir(fds));) {
        listed += entry->d_type == DT_LNK;
        itself += atoi(entry->d_name) == dirfd(fds);
    }
    printf("/proc/self/fd lists the open descriptors: %s, its own: %d\n", listed >= 3 ? "yes" : "no", itself);
    rewinddir(fds);
    int again = 0;
    while (readdir(fds)) again++;
    closedir(fds);
    printf("after rewinddir: %s\n", again >= 3 ? "listed again" : "empty");
    DIR *proc = opendir("/proc");
    int self = 0, mine = 0;
    for (struct dirent *entry; proc && (entry = readdir(proc));) {
        self += strcmp(entry->d_name, "self") == 0;
        mine += atoi(entry->d_name) == getpid() && entry->d_type == DT_DIR;
    }
    if (proc) closedir(proc);
    printf("/proc lists self %d and this process %d\n", self, mine);
    struct stat status;
    printf("/proc/self is a directory: %d\n", stat("/proc/self", &status) == 0 && S_ISDIR(status.st_mode));
    printf("/proc/self/fd/0 is a link: %d\n", lstat("/proc/self/fd/0", &status) == 0 && S_ISLNK(status.st_mode));
    slurp("/proc/stat");
    printf("/proc/stat has a cpu line and the boot time: %d\n", strncmp(buffer, "cpu ", 4) == 0 && field("\nbtime ") > 0);
    printf("open /proc/self/stat for writing: %s\n", open("/proc/self/stat", O_WRONLY) < 0 && errno == EACCES ? "EACCES" : "allowed");
    return 0;
}
