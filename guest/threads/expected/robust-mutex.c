// Robust mutexes (set_robust_list): a thread that dies holding one hands it to the next locker with
// EOWNERDEAD, both when nobody waited and when the main thread was blocked on it (FUTEX_WAITERS),
// and get_robust_list reports the head's size. qemu-riscv64 has no robust lists, so the expected
// output (robust-mutex.out) is Linux's.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t mutex;
static pthread_barrier_t locked;

static void *die_holding(void *wait_first) {
    pthread_mutex_lock(&mutex);
    if (wait_first) {
        pthread_barrier_wait(&locked);
        struct timespec t = {0, 100000000};
        nanosleep(&t, NULL);
    }
    return NULL;
}

static void lock_after_death(const char *how, int wait_first) {
    pthread_t thread;
    pthread_create(&thread, NULL, die_holding, wait_first ? (void *)1 : NULL);
    if (wait_first) {
        pthread_barrier_wait(&locked);
    } else {
        pthread_join(thread, NULL);
    }
    int r = pthread_mutex_lock(&mutex);
    printf("%s: lock returned %s\n", how, r == EOWNERDEAD ? "EOWNERDEAD" : strerror(r));
    int consistent = pthread_mutex_consistent(&mutex);
    printf("%s: consistent %d, unlock %d\n", how, consistent, pthread_mutex_unlock(&mutex));
    if (wait_first) pthread_join(thread, NULL);
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    pthread_mutexattr_t attributes;
    pthread_mutexattr_init(&attributes);
    printf("setrobust %d\n", pthread_mutexattr_setrobust(&attributes, PTHREAD_MUTEX_ROBUST));
    printf("init %d\n", pthread_mutex_init(&mutex, &attributes));
    pthread_barrier_init(&locked, NULL, 2);
    lock_after_death("owner exited, nobody waiting", 0);
    lock_after_death("owner exited while main waited", 1);
    int again = pthread_mutex_lock(&mutex);
    printf("lock again %d, unlock %d\n", again, pthread_mutex_unlock(&mutex));
    void *head = NULL;
    size_t size = 0;
    long r = syscall(SYS_get_robust_list, 0, &head, &size);
    printf("get_robust_list %ld: head set %d, size %zu\n", r, head != NULL, size);
    printf("get_robust_list of no thread: %s\n", syscall(SYS_get_robust_list, 99999, &head, &size) < 0 && errno == ESRCH ? "ESRCH" : "?");
    printf("set_robust_list bad size: %s\n", syscall(SYS_set_robust_list, head, 23) < 0 && errno == EINVAL ? "EINVAL" : "?");
    return 0;
}
