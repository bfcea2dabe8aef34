/*
 * stack-pages-option-below: with --stack-pages 12, one byte below the 12-page region still kills
 * (status 139).
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=139\noptions=--stack-pages 12\n"
              "stderr~=tinyrv: killed: store page fault at 0x3fffff2fff\n"
              "stderr~=--stack-pages\n");

int main(void) {
    volatile char *below = (volatile char *)(USTACK_UPPERBOUND - 12 * PAGE_SIZE - 1);
    *below = 1;
    return 0;
}
