/* instruction-budget: a program that never ends stops when --max-instructions is spent: status 124. */
#include "tinyrv.h"

TINYRV_EXPECT("status=124\noptions=--max-instructions 100000\n");

int main(void) {
    for (volatile unsigned long i = 0;; i++) continue;
}
