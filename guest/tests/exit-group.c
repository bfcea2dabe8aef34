/* exit-group: exit_group(94) ends the run with its code, like exit. */
#include "tinyrv.h"

TINYRV_EXPECT("status=7\n");

int main(void) { exit_group(7); }
