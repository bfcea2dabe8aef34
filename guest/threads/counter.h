/* The harness of the counter programs: THREADS threads each call add_one(&counter) ITERATIONS
   times; main joins them and prints the total, which is THREADS * ITERATIONS only when add_one is
   atomic. Each program defines add_one, then includes this file. */
#include <pthread.h>
#include <stdio.h>

#define THREADS 4
#define ITERATIONS 20000

static void add_one(unsigned *counter);

static unsigned counter;

static void *worker(void *unused) {
    (void)unused;
    for (int i = 0; i < ITERATIONS; i++) add_one(&counter);
    return NULL;
}

int main(void) {
    pthread_t threads[THREADS];
    for (int i = 0; i < THREADS; i++)
        if (pthread_create(&threads[i], NULL, worker, NULL) != 0) return 1;
    for (int i = 0; i < THREADS; i++) pthread_join(threads[i], NULL);
    printf("total %u of %u\n", counter, THREADS * ITERATIONS);
    return counter == THREADS * ITERATIONS ? 0 : 3;
}
