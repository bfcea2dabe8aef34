/* hello: printf reaches stdout exactly, and main's return value 0 becomes the exit status. */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\nstdout=hello, world\\n\n");

int main(void) {
    printf("hello, %s\n", "world");
    return 0;
}
