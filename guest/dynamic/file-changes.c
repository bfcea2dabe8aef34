/* Changes to names and attributes of files (run with --fs-write): symlinks, hard links, renames,
 * modes, owners, sizes, advisory locks and file-system status, with Linux's errors. Works in a
 * scratch directory named by argv[1], which it removes again. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

static int failures;

static void check(const char *what, int ok) {
    printf("%s: %s\n", what, ok ? "ok" : "FAILED");
    if (!ok) failures++;
}

static void expect_errno(const char *what, int result, int expected) {
    printf("%s: %d %s\n", what, result, result < 0 ? strerror(errno) : "");
    if (result >= 0 || errno != expected) failures++;
}

static void write_file(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    write(fd, text, strlen(text));
    close(fd);
}

int main(int argc, char **argv) {
    int home = open(".", O_RDONLY | O_DIRECTORY);
    if (argc < 2 || home < 0 || mkdir(argv[1], 0755) != 0 || chdir(argv[1]) != 0) return 2;
    write_file("a", "alpha\n");

    char text[64] = {0};
    check("symlink", symlink("a", "link") == 0);
    check("readlink", readlink("link", text, sizeof text) == 1 && text[0] == 'a');
    expect_errno("symlink over an existing name", symlink("a", "link"), EEXIST);
    expect_errno("symlink to an empty target", symlink("", "empty"), ENOENT);

    struct stat st;
    check("link", link("a", "hard") == 0 && stat("a", &st) == 0 && st.st_nlink == 2);
    check("link through a symlink, followed", linkat(AT_FDCWD, "link", AT_FDCWD, "hard2", AT_SYMLINK_FOLLOW) == 0
          && lstat("hard2", &st) == 0 && S_ISREG(st.st_mode));
    check("link of the symlink itself", linkat(AT_FDCWD, "link", AT_FDCWD, "link2", 0) == 0
          && lstat("link2", &st) == 0 && S_ISLNK(st.st_mode));
    expect_errno("link of a missing file", link("missing", "x"), ENOENT);
    mkdir("dir", 0755);
    expect_errno("link of a directory", link("dir", "dir2"), EPERM);

    check("rename", rename("hard", "renamed") == 0 && access("hard", F_OK) != 0 && access("renamed", F_OK) == 0);
    write_file("other", "o");
    check("rename over a file", rename("renamed", "other") == 0 && stat("other", &st) == 0 && st.st_nlink == 3);
    expect_errno("rename with RENAME_NOREPLACE", renameat2(AT_FDCWD, "hard2", AT_FDCWD, "a", RENAME_NOREPLACE), EEXIST);
    write_file("b", "beta\n");
    check("rename with RENAME_EXCHANGE", renameat2(AT_FDCWD, "a", AT_FDCWD, "b", RENAME_EXCHANGE) == 0
          && stat("a", &st) == 0 && st.st_size == 5);
    expect_errno("rename of a missing name", rename("missing", "x"), ENOENT);
    write_file("dir/inner", "x");
    mkdir("dir3", 0755);
    expect_errno("rename over a non-empty directory", rename("dir3", "dir"), ENOTEMPTY);
    expect_errno("rename of a file to a directory", rename("a", "dir"), EISDIR);
    expect_errno("rename of a file with a trailing slash", rename("a/", "c"), ENOTDIR);
    expect_errno("rename with both flags", renameat2(AT_FDCWD, "a", AT_FDCWD, "c", RENAME_NOREPLACE | RENAME_EXCHANGE), EINVAL);
    expect_errno("rename of dot", rename(".", "c"), EBUSY);

    check("chmod", chmod("a", 0600) == 0 && stat("a", &st) == 0 && (st.st_mode & 07777) == 0600);
    int fd = open("a", O_RDWR);
    check("fchmod", fchmod(fd, 0640) == 0 && fstat(fd, &st) == 0 && (st.st_mode & 07777) == 0640);
    expect_errno("fchmodat of a symlink without following", fchmodat(AT_FDCWD, "link", 0600, AT_SYMLINK_NOFOLLOW), EOPNOTSUPP);
    check("chown to the same owner", chown("a", getuid(), getgid()) == 0);
    check("fchown keeping both", fchown(fd, (uid_t)-1, (gid_t)-1) == 0);
    check("lchown of a symlink", lchown("link", getuid(), (gid_t)-1) == 0);
    expect_errno("fchmod of a closed descriptor", fchmod(99, 0600), EBADF);

    check("truncate", truncate("a", 3) == 0 && stat("a", &st) == 0 && st.st_size == 3);
    expect_errno("truncate to a negative length", truncate("a", -1), EINVAL);
    check("fallocate", fallocate(fd, 0, 0, 10000) == 0 && fstat(fd, &st) == 0 && st.st_size == 10000);
    expect_errno("fallocate of no bytes", fallocate(fd, 0, 0, 0), EINVAL);
    check("fdatasync", fdatasync(fd) == 0);
    sync();
    check("syncfs", syncfs(fd) == 0);

    int other = open("a", O_RDONLY);
    check("flock exclusive", flock(fd, LOCK_EX) == 0);
    expect_errno("flock held by another open file", flock(other, LOCK_SH | LOCK_NB), EWOULDBLOCK);
    check("flock after unlock", flock(fd, LOCK_UN) == 0 && flock(other, LOCK_SH | LOCK_NB) == 0);
    expect_errno("flock with a bad operation", flock(fd, 3), EINVAL);
    close(other);
    close(fd);

    struct statfs fs;
    check("statfs", statfs(".", &fs) == 0 && fs.f_bsize > 0 && fs.f_blocks > 0 && fs.f_namelen == 255);
    struct statfs by_fd;
    fd = open(".", O_RDONLY | O_DIRECTORY);
    check("fstatfs matches statfs", fstatfs(fd, &by_fd) == 0 && by_fd.f_type == fs.f_type && by_fd.f_bsize == fs.f_bsize);
    close(fd);
    expect_errno("statfs of a missing path", statfs("missing", &fs), ENOENT);

    const char *names[] = {"a", "b", "link", "link2", "hard2", "other", "dir/inner"};
    for (unsigned i = 0; i < sizeof names / sizeof *names; i++) unlink(names[i]);
    rmdir("dir");
    rmdir("dir3");
    fchdir(home);
    check("scratch directory removed", rmdir(argv[1]) == 0);
    return failures;
}
