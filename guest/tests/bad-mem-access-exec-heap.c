/*
 * bad-mem-access-exec-heap: heap pages are R+W and never executable, so jumping to a valid `ret`
 * instruction written into the heap is killed with an instruction page fault, status 139.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=139\nstderr~=tinyrv: killed: instruction page fault at 0x\n");

int main(void) {
    long start = sbrk(PAGE_SIZE);
    CHECK(!TINYRV_IS_ERROR(start));
    volatile unsigned int *code = (volatile unsigned int *)start;
    *code = 0x00008067; /* jalr x0, 0(ra): ret */
    __asm__ volatile("fence.i" ::: "memory");
    ((void (*)(void))start)();
    return 0;
}
