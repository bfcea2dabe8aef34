/* unknown-syscall: numbers tinyrv does not implement return -ENOSYS (-38) and the program goes on. */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\nstdout=still running\\n\n");

int main(void) {
    CHECK_EQ(tinyrv_syscall(1999, 0, 0, 0, 0, 0, 0), -ENOSYS);
    CHECK_EQ(tinyrv_syscall(2002, 0, 0, 0, 0, 0, 0), -ENOSYS);
    CHECK_EQ(tinyrv_syscall(100000, 1, 2, 3, 4, 5, 6), -ENOSYS);
    CHECK_EQ(tinyrv_syscall(-1, 0, 0, 0, 0, 0, 0), -ENOSYS);
    printf("still running\n");
    return 0;
}
