/* main-return: crt0 passes main's return value to exit, so returning 3 gives status 3. */
#include "tinyrv.h"

TINYRV_EXPECT("status=3\n");

int main(void) { return 3; }
