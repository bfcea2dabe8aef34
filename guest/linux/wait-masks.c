/* The signal mask of ppoll, pselect and epoll_pwait: with SIGUSR1 blocked, each call waits with
 * a mask that lets it in, so a child's SIGUSR1 runs the handler and the call fails with EINTR; the
 * old mask (SIGUSR1 blocked) is back afterwards. A call that returns at once restores the mask
 * too, and a blocked signal stays pending through a call whose mask also blocks it. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int handled;
static void on_usr1(int signal) { (void)signal; handled++; }

static void send_later(void) {
    pid_t parent = getpid();
    if (fork() == 0) {
        usleep(30000);
        kill(parent, SIGUSR1);
        _exit(0);
    }
}

static void report(const char *call, int result) {
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    printf("%s: %d %s, handled %d, SIGUSR1 blocked again %d\n", call, result, result < 0 ? strerror(errno) : "",
           handled, sigismember(&now, SIGUSR1));
    while (wait(NULL) > 0) {}
}

int main(void) {
    signal(SIGUSR1, on_usr1);
    sigset_t blocked, open;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGUSR1);
    sigprocmask(SIG_BLOCK, &blocked, NULL);
    sigemptyset(&open);

    send_later();
    report("ppoll", ppoll(NULL, 0, NULL, &open));
    send_later();
    report("pselect", pselect(0, NULL, NULL, NULL, NULL, &open));
    int epfd = epoll_create1(0);
    struct epoll_event event;
    send_later();
    report("epoll_pwait", epoll_pwait(epfd, &event, 1, -1, &open));

    struct timespec zero = {0, 0};
    report("ppoll returning at once", ppoll(NULL, 0, &zero, &open));
    raise(SIGUSR1);
    struct timespec short_wait = {0, 10000000};
    report("ppoll with SIGUSR1 still blocked", ppoll(NULL, 0, &short_wait, &blocked));
    sigset_t pending;
    sigpending(&pending);
    printf("still pending: %d\n", sigismember(&pending, SIGUSR1));
    sigprocmask(SIG_UNBLOCK, &blocked, NULL);
    printf("handled after unblocking: %d\n", handled);
    return 0;
}
