// Four threads add to a shared total under a mutex, hand work through a condition-variable queue,
// read under a rwlock, meet at a barrier, and return values through pthread_join.
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

enum { THREADS = 4, ADDS = 20000, ITEMS = 1000 };

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t nonempty = PTHREAD_COND_INITIALIZER, nonfull = PTHREAD_COND_INITIALIZER;
static pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_barrier_t barrier;
static long total;
static int queue[8], head, count, produced_done;
static long table[16];

static void *adder(void *arg) {
    long id = (long)(intptr_t)arg;
    for (int i = 0; i < ADDS; i++) {
        pthread_mutex_lock(&lock);
        total += id + 1;
        pthread_mutex_unlock(&lock);
    }
    pthread_barrier_wait(&barrier);
    long seen = 0;
    pthread_rwlock_rdlock(&table_lock);
    for (int i = 0; i < 16; i++) seen += table[i];
    pthread_rwlock_unlock(&table_lock);
    return (void *)(intptr_t)(seen * 10 + id);
}

static void *producer(void *arg) {
    (void)arg;
    for (int i = 1; i <= ITEMS; i++) {
        pthread_mutex_lock(&lock);
        while (count == 8) pthread_cond_wait(&nonfull, &lock);
        queue[(head + count++) % 8] = i;
        pthread_cond_signal(&nonempty);
        pthread_mutex_unlock(&lock);
    }
    pthread_mutex_lock(&lock);
    produced_done = 1;
    pthread_cond_broadcast(&nonempty);
    pthread_mutex_unlock(&lock);
    return NULL;
}

static void *consumer(void *arg) {
    long sum = 0;
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&lock);
        while (count == 0 && !produced_done) pthread_cond_wait(&nonempty, &lock);
        if (count == 0) { pthread_mutex_unlock(&lock); break; }
        sum += queue[head];
        head = (head + 1) % 8;
        count--;
        pthread_cond_signal(&nonfull);
        pthread_mutex_unlock(&lock);
    }
    return (void *)(intptr_t)sum;
}

int main(void) {
    pthread_t threads[THREADS], prod, cons[2];
    pthread_rwlock_wrlock(&table_lock);
    for (int i = 0; i < 16; i++) table[i] = i;
    pthread_rwlock_unlock(&table_lock);
    pthread_barrier_init(&barrier, NULL, THREADS);
    for (long i = 0; i < THREADS; i++) pthread_create(&threads[i], NULL, adder, (void *)(intptr_t)i);
    for (int i = 0; i < THREADS; i++) {
        void *result;
        pthread_join(threads[i], &result);
        printf("adder %d returned %ld\n", i, (long)(intptr_t)result);
    }
    printf("total %ld (expected %ld)\n", total, (long)ADDS * (1 + 2 + 3 + 4));
    pthread_create(&prod, NULL, producer, NULL);
    pthread_create(&cons[0], NULL, consumer, NULL);
    pthread_create(&cons[1], NULL, consumer, NULL);
    void *a, *b;
    pthread_join(prod, NULL);
    pthread_join(cons[0], &a);
    pthread_join(cons[1], &b);
    printf("consumed %ld (expected %d)\n", (long)(intptr_t)a + (long)(intptr_t)b, ITEMS * (ITEMS + 1) / 2);
    return 0;
}
