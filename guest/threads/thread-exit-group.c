// exit() from a thread that is not the main one ends every thread with its status; the main thread is
// blocked in pthread_join at that moment.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void *spinner(void *arg) {
    (void)arg;
    for (volatile unsigned long i = 0;; i++) {
    }
    return NULL;
}

static void *finisher(void *arg) {
    (void)arg;
    printf("finisher exits the process\n");
    fflush(stdout);
    exit(42);
}

int main(void) {
    pthread_t a, b;
    pthread_create(&a, NULL, spinner, NULL);
    pthread_create(&b, NULL, finisher, NULL);
    pthread_join(a, NULL);
    printf("not reached\n");
    return 0;
}
