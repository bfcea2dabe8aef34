// Raw futex operations as glibc and other runtimes use them: EAGAIN, relative and absolute
// (CLOCK_MONOTONIC and CLOCK_REALTIME) timeouts, EINTR by a signal to the waiting thread,
// CMP_REQUEUE moving waiters to another word, WAKE_OP's operations and comparisons, and the
// argument errors. Waiters are given 200 ms to block before they are woken.
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long futex(uint32_t *word, int op, uint32_t value, const void *timeout, uint32_t *word2, uint32_t value3) {
    long r = syscall(SYS_futex, word, op, value, timeout, word2, value3);
    return r < 0 ? -errno : r;
}

static const char *name(long result) {
    static char text[32];
    switch (result) {
    case -EAGAIN: return "EAGAIN";
    case -ETIMEDOUT: return "ETIMEDOUT";
    case -EINTR: return "EINTR";
    case -EINVAL: return "EINVAL";
    case -EFAULT: return "EFAULT";
    case -ENOSYS: return "ENOSYS";
    default: snprintf(text, sizeof text, "%ld", result); return text;
    }
}

static long long now_ns(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static struct timespec at(long long ns) { return (struct timespec){ns / 1000000000LL, ns % 1000000000LL}; }

static void pause_ms(int ms) {
    struct timespec t = at(ms * 1000000LL);
    nanosleep(&t, NULL);
}

static void timeouts(void) {
    static uint32_t word;
    struct timespec relative = at(20000000);
    long long start = now_ns(CLOCK_MONOTONIC);
    long r = futex(&word, FUTEX_WAIT_PRIVATE, 0, &relative, NULL, 0);
    printf("WAIT 20 ms: %s after >= 20 ms: %d\n", name(r), now_ns(CLOCK_MONOTONIC) - start >= 20000000);
    struct timespec deadline = at(now_ns(CLOCK_MONOTONIC) + 20000000);
    start = now_ns(CLOCK_MONOTONIC);
    r = futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 0, &deadline, NULL, FUTEX_BITSET_MATCH_ANY);
    printf("WAIT_BITSET monotonic deadline: %s after >= 20 ms: %d\n", name(r), now_ns(CLOCK_MONOTONIC) - start >= 20000000);
    deadline = at(now_ns(CLOCK_REALTIME) + 20000000);
    start = now_ns(CLOCK_MONOTONIC);
    r = futex(&word, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 0, &deadline, NULL, FUTEX_BITSET_MATCH_ANY);
    printf("WAIT_BITSET realtime deadline: %s after >= 10 ms: %d\n", name(r), now_ns(CLOCK_MONOTONIC) - start >= 10000000);
    deadline = at(now_ns(CLOCK_MONOTONIC) - 1000000);
    printf("WAIT_BITSET past deadline: %s\n", name(futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 0, &deadline, NULL, ~0u)));
    printf("WAIT on a changed word: %s\n", name(futex(&word, FUTEX_WAIT_PRIVATE, 1, &relative, NULL, 0)));
}

static void errors(void) {
    static uint32_t words[2];
    struct timespec bad = {0, 1000000000};
    printf("misaligned: %s\n", name(futex((uint32_t *)((char *)words + 2), FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0)));
    printf("WAIT_BITSET bitset 0: %s\n", name(futex(words, FUTEX_WAIT_BITSET_PRIVATE, 0, NULL, NULL, 0)));
    printf("WAKE_BITSET bitset 0: %s\n", name(futex(words, FUTEX_WAKE_BITSET_PRIVATE, 1, NULL, NULL, 0)));
    printf("WAIT bad timeout: %s\n", name(futex(words, FUTEX_WAIT_PRIVATE, 0, &bad, NULL, 0)));
    printf("WAIT unreadable word: %s\n", name(futex((uint32_t *)8, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0)));
    printf("WAKE with CLOCK_REALTIME: %s\n", name(futex(words, FUTEX_WAKE_PRIVATE | FUTEX_CLOCK_REALTIME, 1, NULL, NULL, 0)));
    printf("unknown operation: %s\n", name(futex(words, 99, 0, NULL, NULL, 0)));
    printf("CMP_REQUEUE negative count: %s\n", name(futex(words, FUTEX_CMP_REQUEUE_PRIVATE, -1, (void *)1, words + 1, 0)));
    printf("WAKE nobody: %s\n", name(futex(words, FUTEX_WAKE_PRIVATE, 5, NULL, NULL, 0)));
}

static uint32_t first_word, second_word;
static long results[3];

static void *wait_first(void *slot) {
    *(long *)slot = futex(&first_word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
    return NULL;
}

static void requeue(void) {
    pthread_t threads[3];
    for (int i = 0; i < 3; i++) pthread_create(&threads[i], NULL, wait_first, &results[i]);
    pause_ms(200);
    printf("CMP_REQUEUE with a stale value: %s\n", name(futex(&first_word, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)2, &second_word, 7)));
    printf("CMP_REQUEUE wake 1 move 2: %s\n", name(futex(&first_word, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)2, &second_word, 0)));
    printf("WAKE the first word after: %s\n", name(futex(&first_word, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0)));
    printf("WAKE the second word: %s\n", name(futex(&second_word, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0)));
    for (int i = 0; i < 3; i++) pthread_join(threads[i], NULL);
    printf("the waiters returned %s %s %s\n", name(results[0]), name(results[1]), name(results[2]));
}

static void *wait_second(void *slot) {
    *(long *)slot = futex(&second_word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
    return NULL;
}

static void wake_op(void) {
    static const struct { const char *name; int op, oparg; uint32_t before, after; } ops[] = {
        {"SET 9", FUTEX_OP_SET, 9, 1, 9}, {"ADD -3", FUTEX_OP_ADD, -3, 10, 7}, {"OR 6", FUTEX_OP_OR, 6, 9, 15},
        {"ANDN 6", FUTEX_OP_ANDN, 6, 15, 9}, {"XOR 5", FUTEX_OP_XOR, 5, 9, 12},
        {"SET 1<<4", FUTEX_OP_SET | FUTEX_OP_OPARG_SHIFT, 4, 0, 16},
    };
    uint32_t scratch;
    for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        scratch = ops[i].before;
        long r = futex(&first_word, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, &scratch, FUTEX_OP(ops[i].op, ops[i].oparg, FUTEX_OP_CMP_EQ, 0));
        printf("WAKE_OP %s: %s, word %u -> %u\n", ops[i].name, name(r), ops[i].before, scratch);
    }
    static const char *cmps[] = {"EQ", "NE", "LT", "LE", "GT", "GE"};
    for (int cmp = 0; cmp < 6; cmp++) {
        for (int arg = -1; arg <= 1; arg++) {
            scratch = 0;
            second_word = 0;
            first_word = 0;
            pthread_t thread;
            long result = 1;
            pthread_create(&thread, NULL, wait_second, &result);
            pause_ms(20);
            long r = futex(&first_word, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, &second_word, FUTEX_OP(FUTEX_OP_ADD, 0, cmp, arg));
            if (r == 0) futex(&second_word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
            pthread_join(thread, NULL);
            printf("WAKE_OP old 0 %s %d: woke %ld\n", cmps[cmp], arg, r);
        }
    }
    scratch = 3;
    long r = futex(&first_word, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, &scratch, FUTEX_OP(7, 1, FUTEX_OP_CMP_EQ, 0));
    printf("WAKE_OP unknown operation: %s, word %u\n", name(r), scratch);
    printf("WAKE_OP unwritable word: %s\n", name(futex(&first_word, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, (uint32_t *)8, 0)));
}

static uint32_t signal_word;
static void on_signal(int signal) { (void)signal; }

static void *wait_signalled(void *slot) {
    *(long *)slot = futex(&signal_word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
    return NULL;
}

static void interrupted(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigaction(SIGUSR1, &action, NULL);
    pthread_t thread;
    long result = 1;
    pthread_create(&thread, NULL, wait_signalled, &result);
    pause_ms(200);
    pthread_kill(thread, SIGUSR1);
    pthread_join(thread, NULL);
    printf("WAIT interrupted by a signal to the thread: %s\n", name(result));
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    timeouts();
    errors();
    requeue();
    wake_op();
    interrupted();
    return 0;
}
