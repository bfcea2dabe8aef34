/*
 * exec-self: execve runs a new program in the child (this one again, with other arguments and
 * environment), keeping descriptors without close-on-exec and closing those with it; a failed
 * execve returns -errno to the caller, which goes on.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\nstdout=child: argc 4 mode child env X=1 kept 0 closed -9\\nchild exited 5\\n"
              "ENOENT -2 EACCES dir -13 EACCES file -13\\n\n");

static long sys(long n, long a, long b, long c) { return tinyrv_syscall(n, a, b, c, 0, 0, 0); }

int main(int argc, char **argv, char **envp) {
    if (argc == 4 && strcmp(argv[1], "child") == 0) {
        long kept = sys(25, argv[2][0] - '0', 1, 0);    /* F_GETFD */
        long closed = sys(25, argv[3][0] - '0', 1, 0);
        printf("child: argc %d mode %s env %s kept %ld closed %ld\n", argc, argv[1], envp[0], kept, closed);
        return 5;
    }
    int plain[2], cloexec[2];
    CHECK_EQ(sys(59, (long)plain, 0, 0), 0);
    CHECK_EQ(sys(59, (long)cloexec, 02000000, 0), 0);
    char kept[2] = {(char)('0' + plain[0]), 0}, closed[2] = {(char)('0' + cloexec[0]), 0};
    char *child_argv[] = {argv[0], "child", kept, closed, 0};
    char *child_env[] = {"X=1", 0};
    long pid = sys(220, 17, 0, 0);
    if (pid == 0) {
        sys(221, (long)argv[0], (long)child_argv, (long)child_env);
        exit(99);
    }
    int status = 0;
    CHECK_EQ(sys(260, pid, (long)&status, 0), pid);
    printf("child exited %d\n", (status >> 8) & 0xff);
    char *none[] = {0};
    printf("ENOENT %ld EACCES dir %ld EACCES file %ld\n", sys(221, (long)"no/such/program", (long)none, (long)none),
           sys(221, (long)"guest", (long)none, (long)none), sys(221, (long)"guest/tests/exec-self.c", (long)none, (long)none));
    return 0;
}
