/* user-counters: U-mode may read cycle, time and instret (the kernel enables them in mcounteren
 * and scounteren, as Linux does); instret counts the instructions between two reads. */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\n");

static unsigned long read_instret(void) {
    unsigned long v;
    __asm__ volatile("rdinstret %0" : "=r"(v));
    return v;
}

int main(void) {
    unsigned long c0, t0;
    __asm__ volatile("rdcycle %0" : "=r"(c0));
    __asm__ volatile("rdtime %0" : "=r"(t0));
    unsigned long before = read_instret();
    __asm__ volatile("nop\n nop\n nop\n nop\n nop");
    unsigned long after = read_instret();
    CHECK(after > before);
    CHECK(after - before <= 16);
    unsigned long c1;
    __asm__ volatile("rdcycle %0" : "=r"(c1));
    CHECK(c1 > c0);
    return 0;
}
