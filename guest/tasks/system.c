/* system() runs /bin/sh -c (glibc spawns it with CLONE_VM|CLONE_VFORK) and returns its wait status. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

int main(void)
{
    fflush(stdout);
    int status = system("echo from system | tr a-z A-Z");
    printf("status %d\n", WEXITSTATUS(status));
    fflush(stdout);
    status = system("exit 3");
    printf("exit 3 -> %d\n", WEXITSTATUS(status));
    fflush(stdout);
    status = system("seq 1 4 | xargs echo numbers:");
    printf("xargs -> %d\n", WEXITSTATUS(status));
    printf("shell available: %d\n", system(NULL) != 0);
    return 0;
}
