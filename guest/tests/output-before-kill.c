/*
 * output-before-kill: output written before the process is killed is not lost. Lines on stdout and
 * stderr come out whole, and the kill line follows the guest's stderr.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=139\nstdout=line 1\\nline 2\\n\n"
              "stderr~=to stderr before the kill\\ntinyrv: killed: load page fault at 0x8 \n");

static volatile int *volatile wild_pointer = (volatile int *)8;

int main(void) {
    printf("line 1\n");
    dprintf(2, "to stderr before the kill\n");
    printf("line 2\n");
    return *wild_pointer;
}
