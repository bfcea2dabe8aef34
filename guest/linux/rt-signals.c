// Real-time signals queue: every sigqueue of a blocked SIGRTMIN+n is delivered, in order, with
// its si_value, while a standard signal sent twice is delivered once; lower real-time signals
// come first; sigwaitinfo takes one instance at a time; another process's sigqueue names its
// sender; rt_sigqueueinfo refuses a kernel or kill si_code sent to another process; a periodic
// POSIX timer's signal is queued once and counts the rest as overruns.
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int seen[32];
static int seen_count;

static void record(int sig, siginfo_t *info, void *context) {
    (void)context;
    if (seen_count < 32) seen[seen_count++] = (sig - SIGRTMIN) * 1000 + (info->si_code == SI_QUEUE ? info->si_value.sival_int : -1);
}

static void install(int sig) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = record;
    action.sa_flags = SA_SIGINFO;
    sigaction(sig, &action, NULL);
}

static void block(int sig, int how) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(how, &set, NULL);
}

static void print_seen(const char *what) {
    printf("%s:", what);
    for (int i = 0; i < seen_count; i++) printf(" %d", seen[i]);
    printf("\n");
    seen_count = 0;
}

static int queue(pid_t pid, int sig, int value) {
    union sigval v = {.sival_int = value};
    return sigqueue(pid, sig, v) == 0 ? 0 : errno;
}

int main(void) {
    int rt1 = SIGRTMIN + 1, rt2 = SIGRTMIN + 2, rt3 = SIGRTMIN + 3;
    install(rt1);
    install(rt2);
    install(rt3);
    install(SIGUSR1);

    block(rt1, SIG_BLOCK);
    for (int value = 1; value <= 3; value++) queue(getpid(), rt1, value);
    sigset_t pending;
    sigpending(&pending);
    printf("rt1 pending while blocked: %d\n", sigismember(&pending, rt1));
    block(rt1, SIG_UNBLOCK);
    print_seen("three sigqueues of rt1");

    block(SIGUSR1, SIG_BLOCK);
    kill(getpid(), SIGUSR1);
    kill(getpid(), SIGUSR1);
    block(SIGUSR1, SIG_UNBLOCK);
    printf("SIGUSR1 sent twice, delivered %d time(s)\n", seen_count);
    seen_count = 0;

    sigset_t both;
    sigemptyset(&both);
    sigaddset(&both, rt2);
    sigaddset(&both, rt3);
    sigprocmask(SIG_BLOCK, &both, NULL);
    queue(getpid(), rt3, 30);
    queue(getpid(), rt2, 20);
    queue(getpid(), rt3, 31);
    queue(getpid(), rt2, 21);
    sigprocmask(SIG_UNBLOCK, &both, NULL);
    print_seen("rt3, rt2, rt3, rt2 queued, delivered");

    sigprocmask(SIG_BLOCK, &both, NULL);
    queue(getpid(), rt2, 7);
    queue(getpid(), rt2, 8);
    siginfo_t info, siginfo_none;
    int got = sigwaitinfo(&both, &info);
    sigpending(&pending);
    printf("sigwaitinfo: rt%d value %d code SI_QUEUE %d; still pending %d\n", got - SIGRTMIN, info.si_value.sival_int,
           info.si_code == SI_QUEUE, sigismember(&pending, rt2));
    got = sigwaitinfo(&both, &info);
    sigpending(&pending);
    printf("sigwaitinfo: rt%d value %d; still pending %d\n", got - SIGRTMIN, info.si_value.sival_int, sigismember(&pending, rt2));

    pid_t parent = getpid();
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        queue(parent, rt2, 99);
        siginfo_t forged;
        memset(&forged, 0, sizeof forged);
        forged.si_signo = rt2;
        forged.si_code = SI_USER;
        long refused = syscall(SYS_rt_sigqueueinfo, parent, rt2, &forged);
        printf("child: SI_USER to the parent: %ld %s\n", refused, refused == -1 ? strerror(errno) : "");
        fflush(stdout);
        _exit(0);
    }
    waitpid(child, NULL, 0);
    got = sigwaitinfo(&both, &info);
    printf("from the child: rt%d value %d sender is the child %d\n", got - SIGRTMIN, info.si_value.sival_int, info.si_pid == child);
    siginfo_t own;
    memset(&own, 0, sizeof own);
    own.si_code = SI_USER;
    own.si_pid = getpid();
    printf("SI_USER to itself: %ld\n", syscall(SYS_rt_sigqueueinfo, getpid(), rt2, &own));
    got = sigwaitinfo(&both, &info);
    printf("took rt%d code %d\n", got - SIGRTMIN, info.si_code);

    printf("signal 65: %s\n", strerror(queue(getpid(), 65, 0)));
    printf("no such process: %s\n", strerror(queue(999999, rt2, 0)));
    printf("null siginfo: %s\n", syscall(SYS_rt_sigqueueinfo, getpid(), rt2, NULL) == -1 ? strerror(errno) : "ok");

    union sigval v = {.sival_int = 5};
    printf("pthread_sigqueue: %d\n", pthread_sigqueue(pthread_self(), rt3, v));
    got = sigwaitinfo(&both, &info);
    printf("took rt%d value %d\n", got - SIGRTMIN, info.si_value.sival_int);

    timer_t timer;
    struct sigevent event;
    memset(&event, 0, sizeof event);
    event.sigev_notify = SIGEV_SIGNAL;
    event.sigev_signo = rt2;
    event.sigev_value.sival_int = 77;
    timer_create(CLOCK_MONOTONIC, &event, &timer);
    struct itimerspec every = {.it_interval = {0, 5000000}, .it_value = {0, 5000000}};
    timer_settime(timer, 0, &every, NULL);
    struct timespec pause = {0, 60000000};
    nanosleep(&pause, NULL);
    got = sigwaitinfo(&both, &info);
    struct itimerspec stop = {{0, 0}, {0, 0}};
    timer_settime(timer, 0, &stop, NULL);
    struct timespec none = {0, 0};
    int again = sigtimedwait(&both, &siginfo_none, &none) == -1 && errno == EAGAIN;
    printf("timer: rt%d value %d SI_TIMER %d overruns counted %d; queued once %d\n", got - SIGRTMIN,
           info.si_value.sival_int, info.si_code == SI_TIMER, info.si_overrun >= 5, again);
    return 0;
}
