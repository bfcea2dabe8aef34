// The LR reservation is dropped on every context switch (HartContext.restoreContext): all tasks share
// one hart, so another task's store to the granule can only come after a switch. An LR, a loop longer
// than a quantum while a thread spins, then SC: the SC fails. Alone, the same SC succeeds.
#include <pthread.h>
#include <stdio.h>

static unsigned word;

static void *spin(void *unused) {
    (void)unused;
    for (;;) __asm__ volatile("");
    return NULL;
}

static unsigned lr_loop_sc(void) {
    unsigned value, failed;
    __asm__ volatile("lr.w %0, (%2)\n li t2, 200000\n1: addi t2, t2, -1\n bnez t2, 1b\n sc.w %1, %0, (%2)"
                     : "=&r"(value), "=&r"(failed) : "r"(&word) : "t2", "memory");
    return failed;
}

int main(void) {
    printf("alone: sc %s\n", lr_loop_sc() ? "failed" : "stored");
    pthread_t thread;
    pthread_create(&thread, NULL, spin, NULL);
    printf("with a spinning thread: sc %s\n", lr_loop_sc() ? "failed" : "stored");
    return 0;
}
