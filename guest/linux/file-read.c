/* Opens the file named by argv[1] (relative to the current directory) and prints its size and checksums,
 * using fopen/fread, fstat, lseek/read and fseek/ftell; also reports the errno of a missing file. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static uint64_t fnv(const unsigned char *data, size_t size)
{
    uint64_t hash = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < size; i++) hash = (hash ^ data[i]) * 0x100000001b3ULL;
    return hash;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    FILE *file = fopen(argv[1], "rb");
    if (file == NULL) {
        printf("fopen %s failed: %s\n", argv[1], strerror(errno));
        return 1;
    }
    struct stat info;
    if (fstat(fileno(file), &info) != 0) { printf("fstat failed: %s\n", strerror(errno)); return 1; }
    printf("fstat size %lld regular %d\n", (long long)info.st_size, S_ISREG(info.st_mode) != 0);

    unsigned char *data = malloc((size_t)info.st_size + 1);
    size_t total = 0, got;
    while ((got = fread(data + total, 1, 97, file)) > 0 && total + got <= (size_t)info.st_size) total += got;
    size_t lines = 0;
    for (size_t i = 0; i < total; i++) lines += data[i] == '\n';
    printf("fread %zu bytes, %zu lines, fnv %016llx\n", total, lines, (unsigned long long)fnv(data, total));

    fseek(file, -10, SEEK_END);
    printf("ftell after fseek(-10, SEEK_END) %ld\n", ftell(file));
    fclose(file);

    int fd = open(argv[1], O_RDONLY);
    off_t middle = lseek(fd, info.st_size / 2, SEEK_SET);
    unsigned char chunk[16];
    ssize_t n = read(fd, chunk, sizeof chunk);
    off_t end = lseek(fd, 0, SEEK_END);
    ssize_t at_end = read(fd, chunk, sizeof chunk);
    printf("lseek middle %lld read %zd fnv %016llx end %lld read at end %zd\n", (long long)middle, n,
           (unsigned long long)fnv(chunk, n > 0 ? (size_t)n : 0), (long long)end, at_end);
    ssize_t pread_count = pread(fd, chunk, 8, 3);
    printf("pread %zd bytes at 3: %.8s\n", pread_count, (const char *)chunk);
    close(fd);

    errno = 0;
    FILE *missing = fopen("guest/linux/data/does-not-exist.txt", "r");
    printf("missing file: %s errno %s\n", missing ? "opened" : "not opened", errno == ENOENT ? "ENOENT" : "other");
    free(data);
    return 0;
}
