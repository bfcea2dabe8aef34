/* A lock-free counter with an AMO on 4 threads: amoadd.w reads, adds and writes in one
   instruction, which no task switch can split. */
static void add_one(unsigned *counter) {
    __asm__ volatile("amoadd.w zero, %1, (%0)" : : "r"(counter), "r"(1) : "memory");
}

#include "counter.h"
