/* Named pipes and mknod: a FIFO made with mkfifo and mknod, opened by a reader and a writer in
 * either order (each blocking open waits for the other end), non-blocking opens (a writer with no
 * reader gets ENXIO, a reader opens at once), O_RDWR, EOF when the writer leaves; mknod of a
 * regular file, and the types Linux refuses. Works in a scratch directory named by argv[1], which it
 * removes again. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void check(const char *what, int ok)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAILED");
}

static void show(const char *what, long result)
{
    printf("%s: %ld %s\n", what, result, result < 0 ? strerrorname_np(errno) : "");
}

/* A child that opens `path` for writing, writes `text` and exits. */
static pid_t writer(const char *path, const char *text, int delay)
{
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        usleep(delay);
        int fd = open(path, O_WRONLY);
        if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text)) _exit(1);
        _exit(0);
    }
    return child;
}

static void read_all(const char *what, int fd)
{
    char buffer[128];
    size_t total = 0;
    ssize_t n;
    while ((n = read(fd, buffer + total, sizeof buffer - 1 - total)) > 0) total += (size_t)n;
    buffer[total] = 0;
    printf("%s: read \"%s\", then %zd\n", what, buffer, n);
}

int main(int argc, char **argv)
{
    int home = open(".", O_RDONLY | O_DIRECTORY);
    if (argc < 2 || home < 0 || mkdir(argv[1], 0755) != 0 || chdir(argv[1]) != 0) return 2;

    show("mkfifo", mkfifo("pipe", 0640));
    struct stat status;
    stat("pipe", &status);
    check("a FIFO with mode 0640 less the umask", S_ISFIFO(status.st_mode) && (status.st_mode & 0777) == (0640 & ~022));
    show("mkfifo again", mkfifo("pipe", 0600));

    /* The reader opens first and waits for the writer. */
    pid_t child = writer("pipe", "writer came second", 30000);
    int fd = open("pipe", O_RDONLY);
    read_all("reader first", fd);
    close(fd);
    waitpid(child, NULL, 0);

    /* The writer opens first and waits for the reader. */
    child = writer("pipe", "writer came first", 0);
    usleep(30000);
    fd = open("pipe", O_RDONLY);
    read_all("writer first", fd);
    close(fd);
    int status_word = 0;
    waitpid(child, &status_word, 0);
    check("the writer exited 0", WIFEXITED(status_word) && WEXITSTATUS(status_word) == 0);

    show("non-blocking open for writing, no reader", open("pipe", O_WRONLY | O_NONBLOCK));
    int reader = open("pipe", O_RDONLY | O_NONBLOCK);
    show("non-blocking open for reading", reader >= 0 ? 0 : -1);
    char byte;
    show("read of an empty FIFO with no writer", read(reader, &byte, 1));
    int writer_end = open("pipe", O_WRONLY | O_NONBLOCK);
    show("non-blocking open for writing, with a reader", writer_end >= 0 ? 0 : -1);
    write(writer_end, "xy", 2);
    show("read", read(reader, &byte, 1));
    close(writer_end);
    show("read after the writer left", read(reader, &byte, 1));
    show("read at EOF", read(reader, &byte, 1));
    close(reader);
    int both = open("pipe", O_RDWR);
    show("write through O_RDWR", write(both, "rw", 2));
    show("read through O_RDWR", read(both, &byte, 1));
    close(both);
    show("lseek on a FIFO", lseek(open("pipe", O_RDWR), 0, SEEK_SET));

    show("mknod S_IFIFO", mknod("pipe2", S_IFIFO | 0600, 0));
    show("mknod S_IFREG", mknod("plain", S_IFREG | 0600, 0));
    stat("plain", &status);
    check("an empty regular file", S_ISREG(status.st_mode) && status.st_size == 0);
    show("mknod type 0", mknod("plain2", 0600, 0));
    show("mknod S_IFDIR", mknod("directory", S_IFDIR | 0700, 0));
    show("mknod bad type", mknod("odd", 0170000 | 0600, 0));
    show("mknod existing name", mknod("plain", S_IFREG | 0600, 0));

    const char *names[] = {"pipe", "pipe2", "plain", "plain2"};
    for (int i = 0; i < 4; i++) unlink(names[i]);
    fchdir(home);
    check("scratch directory removed", rmdir(argv[1]) == 0);
    return 0;
}
