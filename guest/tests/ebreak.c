/* ebreak: an ebreak with no debugger attached kills with status 133. */
#include "tinyrv.h"

TINYRV_EXPECT("status=133\nstderr~=tinyrv: killed:\n");

int main(void) {
    __asm__ volatile("ebreak");
    return 0;
}
