/* illegal-instruction: executing an illegal instruction (all-zero c.unimp) kills with status 132. */
#include "tinyrv.h"

TINYRV_EXPECT("status=132\nstderr~=tinyrv: killed: illegal instruction\n");

int main(void) {
    __asm__ volatile("unimp");
    return 0;
}
