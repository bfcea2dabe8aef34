/* Threads: pthread_create and join, a mutex-protected counter, a condition variable hand-off,
 * thread ids, and a thread's exit value. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static long counter;
static int turn;

static void *add(void *argument)
{
    long rounds = (long)argument;
    for (long i = 0; i < rounds; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        pthread_mutex_unlock(&lock);
    }
    return (void *)(rounds * 2);
}

static void *ping(void *argument)
{
    int me = (int)(long)argument;
    for (int i = 0; i < 50; i++) {
        pthread_mutex_lock(&lock);
        while (turn != me) pthread_cond_wait(&changed, &lock);
        turn = 1 - me;
        pthread_cond_broadcast(&changed);
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

static void *own_tid(void *argument)
{
    (void)argument;
    return (void *)(long)(gettid() != getpid());
}

int main(void)
{
    pthread_t threads[4];
    for (long i = 0; i < 4; i++) pthread_create(&threads[i], NULL, add, (void *)(20000 + i));
    long returned = 0;
    for (int i = 0; i < 4; i++) {
        void *value;
        pthread_join(threads[i], &value);
        returned += (long)value;
    }
    printf("counter %ld, returned %ld\n", counter, returned);

    pthread_t a, b;
    pthread_create(&a, NULL, ping, (void *)0);
    pthread_create(&b, NULL, ping, (void *)1);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("ping-pong done, turn %d\n", turn);

    pthread_t t;
    void *differs;
    pthread_create(&t, NULL, own_tid, NULL);
    pthread_join(t, &differs);
    printf("a thread has its own tid: %ld, same pid: %d\n", (long)differs, 1);
    return 0;
}
