/* Signal handlers run: SA_SIGINFO fields, blocked and pending signals, SA_RESETHAND, SA_NODEFER,
 * sigsuspend, sigaltstack with SA_ONSTACK, SIGSEGV recovered with siglongjmp, SIGCHLD, SA_RESTART,
 * sigtimedwait. */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t count, last_signal, last_code, nested, depth, raises_left, on_alt_stack;
static volatile pid_t last_pid;
static char alternate[65536];
static sigjmp_buf recovery;
static void *volatile fault_address;

static void with_info(int sig, siginfo_t *info, void *context)
{
    (void)context;
    count++;
    last_signal = sig;
    last_code = info->si_code;
    last_pid = info->si_pid;
}

static void reentering(int sig)
{
    depth++;
    if (depth > nested) nested = depth;
    if (raises_left > 0) {
        raises_left--;
        raise(sig);
    }
    depth--;
}

static void where_am_i(int sig)
{
    (void)sig;
    char here;
    on_alt_stack = (uintptr_t)&here >= (uintptr_t)alternate && (uintptr_t)&here < (uintptr_t)alternate + sizeof alternate;
}

static void segv(int sig, siginfo_t *info, void *context)
{
    (void)sig;
    (void)context;
    fault_address = info->si_addr;
    siglongjmp(recovery, 1);
}

static void install(int sig, void (*handler)(int), int flags)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    action.sa_flags = flags;
    sigaction(sig, &action, NULL);
}

static void install_info(int sig, void (*handler)(int, siginfo_t *, void *), int flags)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = handler;
    action.sa_flags = flags | SA_SIGINFO;
    sigaction(sig, &action, NULL);
}

int main(void)
{
    install_info(SIGUSR1, with_info, 0);
    raise(SIGUSR1);
    printf("raise: count %d signal %d code SI_TKILL %d pid-ok %d\n", count, last_signal, last_code == SI_TKILL, last_pid == getpid());
    kill(getpid(), SIGUSR1);
    printf("kill: count %d code SI_USER %d\n", count, last_code == SI_USER);

    sigset_t block, pending, old;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, &old);
    raise(SIGUSR1);
    sigpending(&pending);
    printf("blocked: count %d pending %d\n", count, sigismember(&pending, SIGUSR1));
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("unblocked: count %d\n", count);

    install(SIGUSR2, reentering, SA_NODEFER);
    raises_left = 2;
    raise(SIGUSR2);
    printf("SA_NODEFER nesting depth %d\n", nested);
    nested = depth = 0;
    raises_left = 2;
    install(SIGUSR2, reentering, 0);
    raise(SIGUSR2);
    printf("deferred nesting depth %d\n", nested);

    install_info(SIGHUP, with_info, SA_RESETHAND);
    raise(SIGHUP);
    struct sigaction now;
    sigaction(SIGHUP, NULL, &now);
    printf("SA_RESETHAND: count %d handler reset %d\n", count, now.sa_handler == SIG_DFL);

    stack_t stack = {.ss_sp = alternate, .ss_size = sizeof alternate, .ss_flags = 0};
    sigaltstack(&stack, NULL);
    install(SIGWINCH, where_am_i, SA_ONSTACK);
    raise(SIGWINCH);
    printf("SA_ONSTACK on the alternate stack: %d\n", on_alt_stack);
    install(SIGWINCH, where_am_i, 0);
    raise(SIGWINCH);
    printf("without SA_ONSTACK: %d\n", on_alt_stack);

    install_info(SIGSEGV, segv, SA_NODEFER);
    volatile int recovered = 0;
    if (sigsetjmp(recovery, 1) == 0) {
        volatile int *volatile bad = (int *)0x40;
        *bad = 5;
    } else {
        recovered = 1;
    }
    printf("SIGSEGV recovered %d at %p\n", recovered, fault_address);

    /* SIGCHLD reaches a handler when a child exits; sigsuspend waits for it. */
    install_info(SIGCHLD, with_info, 0);
    sigprocmask(SIG_BLOCK, &(sigset_t){0}, NULL);
    sigset_t child_mask, wait_mask;
    sigemptyset(&child_mask);
    sigaddset(&child_mask, SIGCHLD);
    sigprocmask(SIG_BLOCK, &child_mask, &wait_mask);
    count = 0;
    pid_t pid = fork();
    if (pid == 0) _exit(4);
    while (count == 0) sigsuspend(&wait_mask);
    printf("SIGCHLD: signal %d code CLD_EXITED %d pid-ok %d\n", last_signal, last_code == CLD_EXITED, last_pid == pid);
    waitpid(pid, NULL, 0);
    sigprocmask(SIG_SETMASK, &wait_mask, NULL);

    /* SA_RESTART: a read interrupted by a handler goes on; without it, EINTR. */
    for (int restart = 1; restart >= 0; restart--) {
        install_info(SIGUSR1, with_info, restart ? SA_RESTART : 0);
        int fds[2];
        pipe(fds);
        pid_t parent = getpid();
        pid = fork();
        if (pid == 0) {
            kill(parent, SIGUSR1);
            usleep(20000);
            write(fds[1], "r", 1);
            _exit(0);
        }
        close(fds[1]);
        char c = 0;
        errno = 0;
        ssize_t n = read(fds[0], &c, 1);
        printf("SA_RESTART %d: read %zd errno EINTR %d\n", restart, n, errno == EINTR);
        waitpid(pid, NULL, 0);
        close(fds[0]);
    }

    /* sigtimedwait takes a blocked pending signal without running its handler. */
    sigprocmask(SIG_BLOCK, &block, NULL);
    count = 0;
    raise(SIGUSR1);
    siginfo_t info;
    struct timespec zero = {0, 0};
    int got = sigtimedwait(&block, &info, &zero);
    printf("sigtimedwait: %d code SI_TKILL %d handler ran %d\n", got, info.si_code == SI_TKILL, count);
    errno = 0;
    printf("sigtimedwait empty: %d EAGAIN %d\n", sigtimedwait(&block, &info, &zero), errno == EAGAIN);
    return 0;
}
