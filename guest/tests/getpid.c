/* getpid: getpid(172) returns a positive id, the same on every call. */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\n");

int main(void) {
    long pid = getpid();
    CHECK(pid > 0);
    CHECK_EQ(getpid(), pid);
    return 0;
}
