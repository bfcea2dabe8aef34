/*
 * bad-mem-access-write-text: the text segment is R+X and never writable, so a store into main's own
 * code is killed with status 139 (text starts at 0x10000).
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=139\nstderr~=tinyrv: killed: store page fault at 0x10\n");

int main(void) {
    volatile unsigned int *code = (volatile unsigned int *)(uintptr_t)&main;
    *code = 0;
    return 0;
}
