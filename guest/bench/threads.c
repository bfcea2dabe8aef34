/* Four threads: each hashes its own quarter of a generated buffer with FNV-1a and a
 * murmur3-style mix, many passes, under a mutex-protected shared total; then the totals are
 * combined in order. The multithreaded row of `make bench` (tasks switched by tinyrv's scheduler).
 * usage: threads [SCALE]   (SCALE multiplies the passes; default 1 = 48) */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define THREADS 4
#define SLICE (1u << 18)
#define DEFAULT_PASSES 48

static uint8_t buffer[THREADS * SLICE];
static uint64_t results[THREADS];
static uint64_t shared_total;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int passes = DEFAULT_PASSES;

static uint64_t mix(uint64_t h, uint64_t k)
{
    k *= 0x87c37b91114253d5ull;
    k = (k << 31) | (k >> 33);
    h ^= k * 0x4cf5ad432745937full;
    return ((h << 27) | (h >> 37)) * 5 + 0x52dce729;
}

static void *work(void *argument)
{
    int index = (int)(intptr_t)argument;
    const uint8_t *slice = buffer + (size_t)index * SLICE;
    uint64_t fnv = 0xcbf29ce484222325ull, block = (uint64_t)index;
    for (int pass = 0; pass < passes; pass++) {
        for (unsigned i = 0; i < SLICE; i++) fnv = (fnv ^ slice[i]) * 0x100000001b3ull;
        for (unsigned i = 0; i + 8 <= SLICE; i += 8) {
            uint64_t k = 0;
            for (int b = 0; b < 8; b++) k |= (uint64_t)slice[i + b] << (8 * b);
            block = mix(block, k);
        }
        pthread_mutex_lock(&lock);
        shared_total += fnv ^ block;
        pthread_mutex_unlock(&lock);
    }
    results[index] = fnv ^ block;
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc > 1) passes = DEFAULT_PASSES * atoi(argv[1]);
    uint32_t state = 12345;
    for (size_t i = 0; i < sizeof buffer; i++) {
        state = state * 1103515245u + 12345u;
        buffer[i] = (uint8_t)(state >> 16);
    }
    pthread_t threads[THREADS];
    for (int i = 0; i < THREADS; i++) pthread_create(&threads[i], NULL, work, (void *)(intptr_t)i);
    for (int i = 0; i < THREADS; i++) pthread_join(threads[i], NULL);
    uint64_t combined = 0;
    for (int i = 0; i < THREADS; i++) combined = mix(combined, results[i]);
    printf("threads: %d x %d passes, combined %016llx, shared %016llx\n", THREADS, passes,
           (unsigned long long)combined, (unsigned long long)shared_total);
    return 0;
}
