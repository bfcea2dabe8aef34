/*
 * stack-upperbound: USTACK_UPPERBOUND itself is not part of the stack ([UB - 10 pages, UB)), so a load
 * from it kills the process with a memory fault (status 139).
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=139\n"
              "stderr~=tinyrv: killed: load page fault at 0x3ffffff000\n");

int main(void) {
    volatile char *upper_bound = (volatile char *)USTACK_UPPERBOUND;
    return *upper_bound;
}
