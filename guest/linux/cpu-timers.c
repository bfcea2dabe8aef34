// Timers on CPU time: ITIMER_VIRTUAL (SIGVTALRM) and ITIMER_PROF (SIGPROF) fire while the process
// computes, never while it sleeps; getitimer reads what is left; a POSIX timer on
// CLOCK_PROCESS_CPUTIME_ID posts its SI_TIMER signal; unknown timers are EINVAL.
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

static volatile sig_atomic_t virtual_alarms, profile_alarms, timer_signals, timer_code, timer_value;

static void on_signal(int sig, siginfo_t *info, void *context) {
    (void)context;
    if (sig == SIGVTALRM) virtual_alarms++;
    if (sig == SIGPROF) profile_alarms++;
    if (sig == SIGRTMIN) {
        timer_signals++;
        timer_code = info->si_code;
        timer_value = info->si_value.sival_int;
    }
}

static void spin_until(volatile sig_atomic_t *counter, int count) {
    for (unsigned long spins = 0; *counter < count && spins < 4000000000UL; spins++) {
    }
}

static void arm(int which, long value_us, long interval_us) {
    struct itimerval setting = {{interval_us / 1000000, interval_us % 1000000}, {value_us / 1000000, value_us % 1000000}};
    setitimer(which, &setting, NULL);
}

int main(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_signal;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigaction(SIGVTALRM, &action, NULL);
    sigaction(SIGPROF, &action, NULL);
    sigaction(SIGRTMIN, &action, NULL);

    arm(ITIMER_VIRTUAL, 10000, 0);
    spin_until(&virtual_alarms, 1);
    printf("ITIMER_VIRTUAL one-shot: %d\n", virtual_alarms);
    struct itimerval left;
    getitimer(ITIMER_VIRTUAL, &left);
    printf("disarmed after it fired: %d\n", left.it_value.tv_sec == 0 && left.it_value.tv_usec == 0);

    arm(ITIMER_VIRTUAL, 50000, 0);
    struct timespec pause = {0, 100000000};
    nanosleep(&pause, NULL);
    printf("a 100 ms sleep does not reach a 50 ms virtual timer: %d\n", virtual_alarms == 1);
    getitimer(ITIMER_VIRTUAL, &left);
    printf("still armed, about 50 ms left: %d\n", left.it_value.tv_sec == 0 && left.it_value.tv_usec > 0 && left.it_value.tv_usec <= 60000);
    spin_until(&virtual_alarms, 2);
    printf("then computing reaches it: %d\n", virtual_alarms);

    arm(ITIMER_PROF, 5000, 5000);
    spin_until(&profile_alarms, 3);
    arm(ITIMER_PROF, 0, 0);
    int seen = profile_alarms;
    printf("ITIMER_PROF every 5 ms: at least 3 %d\n", seen >= 3);
    getitimer(ITIMER_PROF, &left);
    printf("disarmed: %d\n", left.it_value.tv_sec == 0 && left.it_value.tv_usec == 0 && left.it_interval.tv_usec == 0);

    timer_t timer;
    struct sigevent event;
    memset(&event, 0, sizeof event);
    event.sigev_notify = SIGEV_SIGNAL;
    event.sigev_signo = SIGRTMIN;
    event.sigev_value.sival_int = 42;
    printf("timer_create(CLOCK_PROCESS_CPUTIME_ID): %d\n", timer_create(CLOCK_PROCESS_CPUTIME_ID, &event, &timer));
    struct itimerspec once = {{0, 0}, {0, 20000000}};
    timer_settime(timer, 0, &once, NULL);
    struct itimerspec now;
    timer_gettime(timer, &now);
    printf("armed, at most 20 ms left: %d\n", now.it_value.tv_sec == 0 && now.it_value.tv_nsec > 0 && now.it_value.tv_nsec <= 20000000);
    spin_until(&timer_signals, 1);
    printf("CPU-time timer fired: %d, SI_TIMER %d, value %d\n", timer_signals, timer_code == SI_TIMER, timer_value);
    timer_delete(timer);

    struct itimerval zero = {{0, 0}, {0, 0}};
    printf("setitimer(3): %d %s\n", setitimer(3, &zero, NULL), strerror(errno));
    printf("getitimer(-1): %d %s\n", getitimer(-1, &left), strerror(errno));
    return 0;
}
