/*
 * stack-below-limit: the byte just below the 10-page stack region is outside every region, so a store
 * there kills the process with a memory fault (status 139).
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=139\n"
              "stderr~=tinyrv: killed: store page fault at 0x3fffff4fff\n"
              "stderr~=--stack-pages\n");

int main(void) {
    volatile char *below = (volatile char *)(USTACK_UPPERBOUND - USTACK_PAGES * PAGE_SIZE - 1);
    *below = 1;
    return 0;
}
