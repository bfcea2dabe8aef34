/* Timers that post signals: setitimer/getitimer (and alarm), POSIX timers with SIGEV_SIGNAL,
 * SIGEV_NONE and periodic expiries, a sleep interrupted with EINTR and the time left, and the errors
 * Linux gives. Prints nothing that depends on timing. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t alarms, timer_signals, last_value, last_code;

static void on_alarm(int signal) { (void)signal; alarms++; }

static void on_timer(int signal, siginfo_t *info, void *context) {
    (void)signal; (void)context;
    timer_signals++;
    last_value = info->si_value.sival_int;
    last_code = info->si_code;
}

static int failures;

static void check(const char *what, int ok) {
    printf("%s: %s\n", what, ok ? "ok" : "FAILED");
    if (!ok) failures++;
}

static void spin_until(volatile sig_atomic_t *counter, int target) {
    while (*counter < target) {}
}

int main(void) {
    signal(SIGALRM, on_alarm);
    struct itimerval value = {{0, 0}, {0, 20000}}, old;
    check("setitimer", setitimer(ITIMER_REAL, &value, NULL) == 0);
    struct itimerval now;
    check("getitimer while armed", getitimer(ITIMER_REAL, &now) == 0 && now.it_value.tv_usec > 0 && now.it_value.tv_usec <= 20000);
    spin_until(&alarms, 1);
    check("SIGALRM while spinning", alarms == 1);
    check("getitimer once expired", getitimer(ITIMER_REAL, &now) == 0 && now.it_value.tv_sec == 0 && now.it_value.tv_usec == 0);

    struct itimerval periodic = {{0, 5000}, {0, 5000}};
    setitimer(ITIMER_REAL, &periodic, NULL);
    spin_until(&alarms, 4);
    check("setitimer returns the old setting", setitimer(ITIMER_REAL, &value, &old) == 0 && old.it_interval.tv_usec == 5000);
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &off, NULL);
    check("disarmed", getitimer(ITIMER_REAL, &now) == 0 && now.it_value.tv_usec == 0);

    alarm(1);
    check("alarm returns the seconds left", alarm(0) == 1);

    struct itimerval bad = {{0, 0}, {0, 1000000}};
    errno = 0;
    check("setitimer with 10^6 microseconds is EINVAL", setitimer(ITIMER_REAL, &bad, NULL) == -1 && errno == EINVAL);

    value.it_value.tv_usec = 30000;
    setitimer(ITIMER_REAL, &value, NULL);
    struct timespec nap = {5, 0}, left = {0, 0};
    int slept = nanosleep(&nap, &left);
    check("nanosleep interrupted by SIGALRM", slept == -1 && errno == EINTR);
    check("the time left is written", left.tv_sec >= 3 && left.tv_sec <= 5);

    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_timer;
    action.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &action, NULL);
    struct sigevent event;
    memset(&event, 0, sizeof event);
    event.sigev_notify = SIGEV_SIGNAL;
    event.sigev_signo = SIGUSR1;
    event.sigev_value.sival_int = 77;
    timer_t timer;
    check("timer_create", timer_create(CLOCK_MONOTONIC, &event, &timer) == 0);
    struct itimerspec spec = {{0, 2000000}, {0, 2000000}}, current;
    check("timer_settime", timer_settime(timer, 0, &spec, NULL) == 0);
    spin_until(&timer_signals, 3);
    check("periodic expiries with sigev_value and SI_TIMER", last_value == 77 && last_code == SI_TIMER);
    check("timer_gettime", timer_gettime(timer, &current) == 0 && current.it_interval.tv_nsec == 2000000);
    check("timer_getoverrun", timer_getoverrun(timer) >= 0);
    check("timer_delete", timer_delete(timer) == 0);
    errno = 0;
    check("a deleted timer is EINVAL", timer_settime(timer, 0, &spec, NULL) == -1 && errno == EINVAL);

    event.sigev_notify = SIGEV_NONE;
    timer_create(CLOCK_REALTIME, &event, &timer);
    struct timespec wall;
    clock_gettime(CLOCK_REALTIME, &wall);
    struct itimerspec absolute = {{0, 0}, {wall.tv_sec + 100, wall.tv_nsec}};
    check("an absolute SIGEV_NONE timer", timer_settime(timer, TIMER_ABSTIME, &absolute, NULL) == 0
          && timer_gettime(timer, &current) == 0 && current.it_value.tv_sec >= 98 && current.it_value.tv_sec <= 100);
    errno = 0;
    check("a CPU-time clock's timer or a bad clock is EINVAL", timer_create(99, NULL, &timer) == -1 && errno == EINVAL);

    printf("alarms >= 4: %d, timer signals >= 3: %d\n", alarms >= 4, timer_signals >= 3);
    fflush(stdout);
    signal(SIGALRM, SIG_DFL);
    alarm(1);
    for (;;) {}
    return failures;
}
