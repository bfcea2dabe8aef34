/* A lock-free counter with LR/SC on 4 threads: sc.w fails when the reservation was lost (another
   thread stored to the word, or the scheduler switched tasks in between), and the loop retries,
   so no increment is lost under any schedule. */
static void add_one(unsigned *counter) {
    unsigned value, failed;
    __asm__ volatile("1: lr.w %0, (%2)\n"
                     "   addiw %0, %0, 1\n"
                     "   sc.w %1, %0, (%2)\n"
                     "   bnez %1, 1b\n"
                     : "=&r"(value), "=&r"(failed)
                     : "r"(counter)
                     : "memory");
}

#include "counter.h"
