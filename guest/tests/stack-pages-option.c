/*
 * stack-pages-option: with --stack-pages 12 the stack region is 12 pages, so its lowest byte,
 * two pages below the default limit, is usable.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\noptions=--stack-pages 12\n");

int main(void) {
    volatile unsigned char *lowest = (volatile unsigned char *)(USTACK_UPPERBOUND - 12 * PAGE_SIZE);
    CHECK_EQ(*lowest, 0);
    *lowest = 7;
    CHECK_EQ(*lowest, 7);
    return 0;
}
