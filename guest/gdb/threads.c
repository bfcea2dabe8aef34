/* The threaded program of scripts/gdb-test.py: main and three pthreads, all alive while each
 * worker calls work() (they meet at a barrier first, and main then waits in pthread_join), so
 * that gdb lists four threads and a breakpoint in work() names the thread that hit it.
 * Exits with the sum of the squares 1 + 4 + 9. */
#include <pthread.h>

static pthread_barrier_t barrier;
static int results[3];

__attribute__((noinline)) int work(int id) {
    return id * id;
}

static void *worker(void *argument) {
    int index = (int)(long)argument;
    pthread_barrier_wait(&barrier);
    results[index] = work(index + 1);
    return 0;
}

int main(void) {
    pthread_t threads[3];
    pthread_barrier_init(&barrier, 0, 4);
    for (int i = 0; i < 3; i++) pthread_create(&threads[i], 0, worker, (void *)(long)i);
    pthread_barrier_wait(&barrier);
    for (int i = 0; i < 3; i++) pthread_join(threads[i], 0);
    return results[0] + results[1] + results[2];
}
