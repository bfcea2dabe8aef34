/*
 * bad-mem-access-non-canonical-high: 0x0000400000000000 (bit 46 set, bits 63..39 not all equal) is not
 * a canonical Sv39 address: a load from it is killed, status 139.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=139\nstderr~=tinyrv: killed: load page fault at 0x400000000000\n");

int main(void) { return *(volatile char *)0x0000400000000000UL; }
