/*
 * out-of-memory: with --memory 1M (256 frames of guest RAM), touching 4 MiB of lazily backed heap runs
 * out of frames; the process is killed with status 137, and tinyrv itself does not crash.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=137\noptions=--memory 1M\nstderr~=tinyrv: killed:\n");

#define HEAP_BYTES (4L << 20)

int main(void) {
    long start = sbrk(HEAP_BYTES);
    CHECK(!TINYRV_IS_ERROR(start));
    for (long offset = 0; offset < HEAP_BYTES; offset += PAGE_SIZE) ((volatile char *)start)[offset] = 1;
    return 0;
}
