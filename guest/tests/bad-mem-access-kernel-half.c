/*
 * bad-mem-access-kernel-half: 0xffffffc000000000 is a canonical Sv39 address in the kernel half,
 * never reachable from user mode: a load from it is killed with status 139.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=139\nstderr~=tinyrv: killed: load page fault at 0xffffffc000000000\n");

int main(void) { return *(volatile char *)KERNEL_HALF_ADDRESS; }
