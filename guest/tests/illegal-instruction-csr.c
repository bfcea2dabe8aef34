/* illegal-instruction-csr: U-mode reading the M-mode CSR mstatus is illegal: killed, status 132. */
#include "tinyrv.h"

TINYRV_EXPECT("status=132\nstderr~=tinyrv: killed: illegal instruction\n");

int main(void) {
    unsigned long value;
    __asm__ volatile("csrr %0, mstatus" : "=r"(value));
    return (int)value;
}
