/* exit-code-wrap: the exit status is the code & 0xff, so exit(300) gives status 44. */
#include "tinyrv.h"

TINYRV_EXPECT("status=44\n");

int main(void) { exit(300); }
