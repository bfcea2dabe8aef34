/* File pages shared between mappings and across fork (run with --fs-write; argv[1] is a scratch file
 * that the program creates and removes): two MAP_SHARED mappings of one file see each other's
 * writes, a MAP_PRIVATE mapping sees them until its own write and nothing after, a read-only shared
 * mapping of a later offset sees them, and a forked child's writes through the inherited mapping and
 * through a mapping of its own reach the parent and the file. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096

static char file_byte(int fd, off_t offset) {
    char byte = '?';
    pread(fd, &byte, 1, offset);
    return byte;
}

int main(int argc, char **argv) {
    if (argc != 2) return 2;
    int fd = open(argv[1], O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) return 3;
    char pages[2 * PAGE];
    memset(pages, 'A', PAGE);
    memset(pages + PAGE, 'B', PAGE);
    if (write(fd, pages, sizeof pages) != sizeof pages) return 4;

    char *a = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    char *b = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    char *c = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    char *d = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, PAGE);
    if (a == MAP_FAILED || b == MAP_FAILED || c == MAP_FAILED || d == MAP_FAILED) return 5;
    printf("before: a=%c b=%c c=%c d=%c\n", a[0], b[0], c[0], d[0]);

    a[0] = 'x';
    b[PAGE] = 'y';
    printf("shared writes: b[0]=%c c[0]=%c a[PAGE]=%c c[PAGE]=%c d[0]=%c\n", b[0], c[0], a[PAGE], c[PAGE], d[0]);

    c[0] = 'p';
    a[0] = 'z';
    printf("after the private write: a[0]=%c b[0]=%c c[0]=%c c[1]=%c\n", a[0], b[0], c[0], c[1]);

    msync(a, 2 * PAGE, MS_SYNC);
    printf("file after msync: %c %c %c\n", file_byte(fd, 0), file_byte(fd, 1), file_byte(fd, PAGE));

    pid_t pid = fork();
    if (pid == 0) {
        a[100] = 'K';
        c[PAGE + 1] = 'q';
        char *e = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, PAGE);
        if (e == MAP_FAILED) _exit(1);
        e[200] = 'E';
        _exit(e[0] == 'y' && c[0] == 'p' ? 6 : 1);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    printf("child status %d: a[100]=%c b[100]=%c d[200]=%c c[PAGE+1]=%c\n", WEXITSTATUS(status), a[100], b[100],
           d[200], c[PAGE + 1]);

    munmap(a, 2 * PAGE);
    munmap(b, 2 * PAGE);
    munmap(c, 2 * PAGE);
    munmap(d, PAGE);
    char back[2 * PAGE];
    if (pread(fd, back, sizeof back, 0) != sizeof back) return 7;
    printf("file at the end: %c%c %c %c %c%c\n", back[0], back[1], back[100], back[PAGE + 200], back[PAGE], back[PAGE + 1]);
    close(fd);
    unlink(argv[1]);
    return 0;
}
