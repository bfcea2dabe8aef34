/* bad-mem-access-null: a load from address 0 is outside every region: killed, status 139. */
#include "tinyrv.h"

TINYRV_EXPECT("status=139\nstderr~=tinyrv: killed: load page fault at 0x0 (pc 0x\n");

int main(void) { return *(volatile int *)0; }
