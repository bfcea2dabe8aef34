import Testing
@testable import Kernel

/// A static glibc program using stdio and POSIX file calls on a fixture, on the real hart and under
/// qemu-riscv64: the same stdout and exit status. Enabled once the hart runs glibc (F and D).
@Suite
struct GlibcFileTests {
    static let source = #"""
    #include <dirent.h>
    #include <errno.h>
    #include <fcntl.h>
    #include <stdio.h>
    #include <stdlib.h>
    #include <string.h>
    #include <sys/stat.h>
    #include <unistd.h>

    static int compare(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

    int main(void) {
        char buffer[64];
        int fd = open("fixture/data.txt", O_RDONLY | O_CLOEXEC);
        ssize_t n = read(fd, buffer, 5);
        printf("open %d read %zd '%.5s'\n", fd, n, buffer);
        printf("lseek %ld\n", (long)lseek(fd, -4, SEEK_END));
        n = pread(fd, buffer, 3, 2);
        printf("pread %zd '%.3s'\n", n, buffer);
        struct stat info;
        printf("fstat %d size %ld regular %d\n", fstat(fd, &info), (long)info.st_size, S_ISREG(info.st_mode));
        printf("stat dir %d\n", stat("fixture/sub", &info) == 0 && S_ISDIR(info.st_mode));
        printf("lstat link %d\n", lstat("fixture/link", &info) == 0 && S_ISLNK(info.st_mode));
        errno = 0;
        printf("missing %d errno %d\n", open("fixture/none", O_RDONLY), errno);
        printf("isatty %d access %d\n", isatty(fd), access("fixture/data.txt", R_OK));
        n = readlink("fixture/link", buffer, sizeof buffer);
        printf("readlink %.*s\n", (int)n, buffer);
        DIR *directory = opendir("fixture");
        char *names[16];
        int count = 0;
        struct dirent *entry;
        while ((entry = readdir(directory)) != NULL && count < 16) names[count++] = strdup(entry->d_name);
        closedir(directory);
        qsort(names, count, sizeof names[0], compare);
        for (int i = 0; i < count; i++) printf("entry %s\n", names[i]);
        FILE *file = fopen("fixture/data.txt", "r");
        char line[64];
        while (fgets(line, sizeof line, file)) printf("line %s", line);
        fclose(file);
        int copy = dup(fd);
        printf("dup %d close %d close %d cloexec %d\n", copy, close(fd), close(fd), fcntl(copy, F_GETFD));
        return 3;
    }
    """#

    @Test func stdioAndPosixFileCallsMatchQemu() throws {
        let program = try CrossProgram(source: Self.source, glibc: true)
        defer { program.remove() }
        try program.writeFixture()
        let qemu = try program.runUnderQemu()
        let hart = try program.runOnHart()
        #expect(qemu.output.hasPrefix("open 3 read 5 'hello'"), "qemu ran the program")
        #expect(hart.output == qemu.output)
        #expect(hart.outcome.exitStatus == qemu.status)
    }
}
