/* Unix socket pairs: a stream pair both ways, a datagram pair keeping message boundaries,
 * sendmsg/recvmsg with iovecs, MSG_PEEK, MSG_DONTWAIT and O_NONBLOCK (EAGAIN), FIONBIO and
 * FIONREAD, shutdown (EOF for the peer, EPIPE for the writer, with MSG_NOSIGNAL no signal), a
 * pair shared across fork with the child blocking until the parent writes, getsockopt SO_TYPE,
 * and the errors of socketpair and socket. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <stdint.h>
#include <unistd.h>

/* An address no program maps, hidden from the compiler's bounds checks. */
static volatile uintptr_t bad_address = 8;

static void show(const char *what, long result) {
    if (result < 0) printf("%s: -1 %s\n", what, strerror(errno));
    else printf("%s: %ld\n", what, result);
}

int main(void) {
    int s[2];
    show("socketpair stream", socketpair(AF_UNIX, SOCK_STREAM, 0, s));
    char buffer[64] = {0};
    show("send", send(s[0], "ping", 4, 0));
    show("recv peek", recv(s[1], buffer, sizeof buffer, MSG_PEEK));
    int pending = 0;
    ioctl(s[1], FIONREAD, &pending);
    printf("FIONREAD: %d\n", pending);
    show("recv", recv(s[1], buffer, sizeof buffer, 0));
    printf("got %s\n", buffer);
    show("write back", write(s[1], "pong", 4));
    memset(buffer, 0, sizeof buffer);
    show("read", read(s[0], buffer, sizeof buffer));
    printf("got %s\n", buffer);
    show("recv dontwait empty", recv(s[0], buffer, sizeof buffer, MSG_DONTWAIT));
    int on = 1;
    ioctl(s[0], FIONBIO, &on);
    show("recv after FIONBIO", recv(s[0], buffer, sizeof buffer, 0));
    printf("O_NONBLOCK set: %d\n", (fcntl(s[0], F_GETFL) & O_NONBLOCK) != 0);

    int d[2];
    show("socketpair dgram", socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, d));
    printf("FD_CLOEXEC: %d\n", fcntl(d[0], F_GETFD) & FD_CLOEXEC);
    send(d[0], "one", 3, 0);
    send(d[0], "three", 5, 0);
    show("dgram 1", recv(d[1], buffer, sizeof buffer, 0));
    show("dgram 2 truncated", recv(d[1], buffer, 2, 0));
    struct iovec out[2] = {{"ab", 2}, {"cde", 3}};
    struct msghdr message = {.msg_iov = out, .msg_iovlen = 2};
    show("sendmsg", sendmsg(d[0], &message, 0));
    char first[3] = {0}, second[8] = {0};
    struct iovec in[2] = {{first, 2}, {second, 7}};
    struct msghdr received = {.msg_iov = in, .msg_iovlen = 2};
    show("recvmsg", recvmsg(d[1], &received, 0));
    printf("pieces %s %s, namelen %d, controllen %zu\n", first, second, received.msg_namelen, received.msg_controllen);
    int type = 0;
    socklen_t length = sizeof type;
    getsockopt(d[0], SOL_SOCKET, SO_TYPE, &type, &length);
    printf("SO_TYPE %d length %u\n", type, length);

    int f[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, f);
    pid_t child = fork();
    if (child == 0) {
        char got[16] = {0};
        long n = recv(f[1], got, sizeof got, 0);
        send(f[1], got, n, 0);
        _exit(n == 5 ? 0 : 1);
    }
    usleep(20000);
    send(f[0], "hello", 5, 0);
    memset(buffer, 0, sizeof buffer);
    recv(f[0], buffer, sizeof buffer, 0);
    int status = 0;
    waitpid(child, &status, 0);
    printf("child echoed %s, status %d\n", buffer, WEXITSTATUS(status));

    show("shutdown write", shutdown(f[0], SHUT_WR));
    show("peer reads EOF", recv(f[1], buffer, sizeof buffer, 0));
    show("send after shutdown", send(f[0], "x", 1, MSG_NOSIGNAL));
    show("shutdown bad how", shutdown(f[0], 7));
    signal(SIGPIPE, SIG_IGN);
    close(f[1]);
    show("send to a closed peer", send(f[0], "x", 1, 0));

    show("socketpair inet", socketpair(AF_INET, SOCK_STREAM, 0, s));
    show("socketpair unsupported type", socketpair(AF_UNIX, SOCK_RDM, 0, s));
    show("socketpair type out of range", socketpair(AF_UNIX, 12, 0, s));
    show("socketpair unknown family", socketpair(200, SOCK_STREAM, 0, s));
    show("socketpair raw is a datagram pair", socketpair(AF_UNIX, SOCK_RAW, 0, s));
    show("socketpair bad protocol", socketpair(AF_UNIX, SOCK_STREAM, 7, s));
    show("socketpair bad pointer", socketpair(AF_UNIX, SOCK_STREAM, 0, (int *)bad_address));
    show("recv on a file", recv(0, buffer, 1, MSG_DONTWAIT));
    return 0;
}
