/* bad-mem-access-null-store: a store to address 0 is outside every region: killed, status 139. */
#include "tinyrv.h"

TINYRV_EXPECT("status=139\nstderr~=tinyrv: killed: store page fault at 0x0 (pc 0x\n");

int main(void) {
    *(volatile int *)0 = 1;
    return 0;
}
