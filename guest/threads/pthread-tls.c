// Thread-local storage, detached threads, pthread_once, keys with destructors, cancellation at a
// cancellation point, and a thread that exits while others run.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static __thread int tls_counter = 100;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_key_t key;
static int once_runs, destructor_runs;
static sem_t detached_done;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void init_once(void) { once_runs++; }
static void destroy(void *value) {
    pthread_mutex_lock(&lock);
    destructor_runs += (int)(long)value;
    pthread_mutex_unlock(&lock);
}

static void *worker(void *arg) {
    long id = (long)arg;
    pthread_once(&once, init_once);
    for (int i = 0; i < 1000; i++) tls_counter++;
    pthread_setspecific(key, (void *)(id + 1));
    return (void *)(long)(tls_counter + id);
}

static void *detached(void *arg) {
    (void)arg;
    tls_counter = 7;
    sem_post(&detached_done);
    return NULL;
}

static void *sleeper(void *arg) {
    int fds[2];
    char byte;
    (void)arg;
    if (pipe(fds) != 0) return NULL;
    for (;;) read(fds[0], &byte, 1);
    return NULL;
}

static void *early_exit(void *arg) {
    (void)arg;
    pthread_exit((void *)77);
}

int main(void) {
    pthread_t threads[3], helper, canceled, quitter;
    pthread_key_create(&key, destroy);
    sem_init(&detached_done, 0, 0);
    for (long i = 0; i < 3; i++) pthread_create(&threads[i], NULL, worker, (void *)i);
    for (int i = 0; i < 3; i++) {
        void *result;
        pthread_join(threads[i], &result);
        printf("worker %d: %ld\n", i, (long)result);
    }
    printf("main tls %d, once ran %d time(s), destructors summed %d\n", tls_counter, once_runs, destructor_runs);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_create(&helper, &attr, detached, NULL);
    sem_wait(&detached_done);
    printf("detached thread ran; main tls still %d\n", tls_counter);
    pthread_create(&canceled, NULL, sleeper, NULL);
    pthread_create(&quitter, NULL, early_exit, NULL);
    void *result;
    pthread_join(quitter, &result);
    printf("pthread_exit value %ld\n", (long)result);
    pthread_cancel(canceled);
    pthread_join(canceled, &result);
    printf("canceled: %s\n", result == PTHREAD_CANCELED ? "yes" : "no");
    return 0;
}
