/*
 * bad-mem-access-exec-data: the data segment is R+W and never executable, so calling a valid `ret`
 * instruction stored in a writable global is killed with an instruction page fault, status 139.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=139\nstderr~=tinyrv: killed: instruction page fault at 0x\n");

static volatile unsigned int code[4] = {0x00008067}; /* jalr x0, 0(ra): ret */

int main(void) {
    __asm__ volatile("fence.i" ::: "memory");
    ((void (*)(void))(uintptr_t)code)();
    return 0;
}
