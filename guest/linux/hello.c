/* The smallest differential case: stdio start-up, one line out, exit status 0. */
#include <stdio.h>

int main(void)
{
    printf("hello from static glibc\n");
    return 0;
}
