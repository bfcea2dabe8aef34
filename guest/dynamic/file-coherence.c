/* write(2) and mmap see one page cache (run with --fs-write; argv[1] is a scratch file that the
 * program creates and removes): bytes written with write, pwrite, writev and an O_APPEND descriptor
 * appear in MAP_SHARED mappings and in MAP_PRIVATE pages not yet copied; stores to a MAP_SHARED
 * mapping appear to read, pread and readv before any msync; ftruncate zeroes what lies past the new
 * end; a forked child's pwrite reaches the parent's mapping; a private page once copied keeps its
 * bytes. preadv, pwritev and preadv2 read and write at an offset, with Linux's errors. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096

static char file_byte(int fd, off_t offset) {
    char byte = '?';
    pread(fd, &byte, 1, offset);
    return byte;
}

static char show(char byte) { return byte == 0 ? '0' : byte; }

int main(int argc, char **argv) {
    if (argc != 2) return 2;
    int fd = open(argv[1], O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) return 3;
    static char pages[3 * PAGE];
    memset(pages, 'A', PAGE);
    memset(pages + PAGE, 'B', PAGE);
    if (write(fd, pages, 2 * PAGE) != 2 * PAGE) return 4;

    char *shared = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    char *private = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    if (shared == MAP_FAILED || private == MAP_FAILED) return 5;
    printf("mapped: %c %c %c %c\n", shared[0], shared[PAGE], private[0], private[PAGE]);

    pwrite(fd, "pw", 2, 10);
    lseek(fd, PAGE + 20, SEEK_SET);
    write(fd, "wr", 2);
    struct iovec pieces[2] = {{"0123", 4}, {"4567", 4}};
    lseek(fd, PAGE - 4, SEEK_SET);
    writev(fd, pieces, 2);
    printf("after pwrite, write, writev: shared %c%c %c%c %.8s; private %c%c %c%c %.8s\n", shared[10], shared[11],
           shared[PAGE + 20], shared[PAGE + 21], shared + PAGE - 4, private[10], private[11], private[PAGE + 20],
           private[PAGE + 21], private + PAGE - 4);

    shared[100] = 's';
    shared[PAGE + 100] = 't';
    char byte = '?', pair[2] = {'?', '?'};
    lseek(fd, 100, SEEK_SET);
    read(fd, &byte, 1);
    struct iovec into[2] = {{&pair[0], 1}, {&pair[1], 1}};
    lseek(fd, PAGE + 99, SEEK_SET);
    readv(fd, into, 2);
    printf("stores seen before msync: read %c, pread %c, readv %c%c, private %c\n", byte, file_byte(fd, PAGE + 100),
           pair[0], pair[1], private[100]);

    struct iovec out[2] = {{"PV", 2}, {"pv", 2}};
    shared[3004] = 'S';
    char got[5] = {0};
    struct iovec in[2] = {{got, 3}, {got + 3, 2}};
    long wrote = pwritev(fd, out, 2, 3000), read_back = preadv(fd, in, 2, 3001);
    printf("pwritev %ld preadv %ld: shared %.5s read %.5s\n", wrote, read_back, shared + 3000, got);
    int ends[2];
    pipe(ends);
    long bad_flags = preadv2(fd, in, 2, 0, 0x100);
    int bad_flags_error = errno;
    long negative = preadv(fd, in, 2, -5);
    int negative_error = errno;
    long on_pipe = pwritev(ends[1], out, 2, 0);
    int on_pipe_error = errno;
    printf("preadv2 with unknown flags %ld %s, negative offset %ld %s, pwritev on a pipe %ld %s\n", bad_flags,
           strerror(bad_flags_error), negative, strerror(negative_error), on_pipe, strerror(on_pipe_error));
    lseek(fd, 3000, SEEK_SET);
    long current = preadv2(fd, in, 1, -1, 0);
    printf("preadv2 at the current offset %ld: %.3s, offset now %ld\n", current, got, (long)lseek(fd, 0, SEEK_CUR));

    private[0] = 'p';
    pwrite(fd, "Q", 1, 0);
    printf("a copied private page keeps its byte: shared %c private %c\n", shared[0], private[0]);

    int appender = open(argv[1], O_WRONLY | O_APPEND);
    ftruncate(fd, PAGE + 200);
    write(appender, "ap", 2);
    printf("ftruncate then append: shared[PAGE+199]=%c [PAGE+200]=%c%c [PAGE+202]=%c [PAGE+300]=%c\n",
           show(shared[PAGE + 199]), show(shared[PAGE + 200]), show(shared[PAGE + 201]), show(shared[PAGE + 202]),
           show(shared[PAGE + 300]));
    ftruncate(fd, 2 * PAGE);
    printf("extended again: shared[PAGE+300]=%c file %c\n", show(shared[PAGE + 300]), show(file_byte(fd, PAGE + 300)));

    pid_t pid = fork();
    if (pid == 0) {
        pwrite(fd, "child", 5, 2000);
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    printf("child's pwrite: %.5s\n", shared + 2000);

    munmap(shared, 2 * PAGE);
    munmap(private, 2 * PAGE);
    char back[2 * PAGE];
    if (pread(fd, back, sizeof back, 0) != sizeof back) return 7;
    printf("file at the end: %c %.2s %c %c %.5s %c\n", back[0], back + 10, back[100], back[PAGE + 100], back + 2000,
           show(back[PAGE + 300]));
    close(appender);
    close(fd);
    unlink(argv[1]);
    return 0;
}
