/* The racy counter of README's worked example: a load, an add and a store, so a task switch between
   the load and the store loses the other threads' increments made meanwhile. Which switches hit
   that window depends on the schedule: `--schedule random:SEED` gives another total per seed and
   the same total for the same seed. counter-lrsc.c and counter-amo.c are the fixed programs. */
static void add_one(unsigned *counter) {
    volatile unsigned *word = counter;
    *word = *word + 1;
}

#include "../counter.h"
