// A signal sent to one thread with pthread_kill runs its handler on that thread; the others keep their
// masks; sigwait in one thread takes a signal that the others block; futex-based timed waits time out.
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t handled_on;
static __thread int thread_number;
static pthread_barrier_t ready;

static void handler(int signal) { (void)signal; handled_on = thread_number; }

static void *target(void *arg) {
    thread_number = (int)(long)arg;
    pthread_barrier_wait(&ready);
    while (!handled_on) usleep(1000);
    return NULL;
}

static void *waiter(void *arg) {
    sigset_t set;
    int signal = 0;
    (void)arg;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigwait(&set, &signal);
    return (void *)(long)signal;
}

int main(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigaction(SIGUSR1, &action, NULL);
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &block, NULL);

    pthread_barrier_init(&ready, NULL, 2);
    pthread_t t, w;
    thread_number = 1;
    pthread_create(&t, NULL, target, (void *)2L);
    pthread_barrier_wait(&ready);
    pthread_kill(t, SIGUSR1);
    pthread_join(t, NULL);
    printf("SIGUSR1 handled on thread %d\n", (int)handled_on);

    pthread_create(&w, NULL, waiter, NULL);
    pthread_kill(w, SIGUSR2);
    void *got;
    pthread_join(w, &got);
    printf("sigwait took signal %ld\n", (long)got);

    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_t c = PTHREAD_COND_INITIALIZER;
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_nsec += 20 * 1000 * 1000;
    if (deadline.tv_nsec >= 1000000000) { deadline.tv_sec++; deadline.tv_nsec -= 1000000000; }
    pthread_mutex_lock(&m);
    int result = pthread_cond_timedwait(&c, &m, &deadline);
    pthread_mutex_unlock(&m);
    printf("timed wait: %s\n", result == ETIMEDOUT ? "ETIMEDOUT" : strerror(result));
    return 0;
}
