// C11 atomics across threads: fetch_add, compare-exchange loops and a spin lock built on
// atomic_flag, each checked against the exact total.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

enum { THREADS = 4, ROUNDS = 50000 };
static atomic_long added;
static atomic_long maximum;
static atomic_flag spin = ATOMIC_FLAG_INIT;
static long guarded;

static void *work(void *arg) {
    long id = (long)arg;
    for (long i = 0; i < ROUNDS; i++) {
        atomic_fetch_add_explicit(&added, 1, memory_order_relaxed);
        long value = id * ROUNDS + i, seen = atomic_load(&maximum);
        while (value > seen && !atomic_compare_exchange_weak(&maximum, &seen, value)) {
        }
        while (atomic_flag_test_and_set_explicit(&spin, memory_order_acquire)) {
        }
        guarded += 2;
        atomic_flag_clear_explicit(&spin, memory_order_release);
    }
    return NULL;
}

int main(void) {
    pthread_t threads[THREADS];
    for (long i = 0; i < THREADS; i++) pthread_create(&threads[i], NULL, work, (void *)i);
    for (int i = 0; i < THREADS; i++) pthread_join(threads[i], NULL);
    printf("added %ld maximum %ld guarded %ld\n", atomic_load(&added), atomic_load(&maximum), guarded);
    return atomic_load(&added) == THREADS * ROUNDS && guarded == 2L * THREADS * ROUNDS ? 0 : 1;
}
