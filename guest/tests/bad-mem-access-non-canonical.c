/*
 * bad-mem-access-non-canonical: 0x4000000000 has bit 38 set and bits 63..39 clear, so it is not a
 * canonical Sv39 address (the first address above user space): a store to it is killed, status 139.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=139\nstderr~=tinyrv: killed: store page fault at 0x4000000000\n");

int main(void) {
    *(volatile char *)USER_SPACE_END = 1;
    return 0;
}
