/* exit-code: exit(42) ends the run with status 42, and nothing after it runs. */
#include "tinyrv.h"

TINYRV_EXPECT("status=42\nstdout=before exit\\n\n");

int main(void) {
    printf("before exit\n");
    exit(42);
    printf("after exit\n");
    return 0;
}
