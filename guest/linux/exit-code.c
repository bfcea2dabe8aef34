/* exit(3) after atexit handlers run in reverse order and stdio is flushed; expected exit status 3. */
#include <stdio.h>
#include <stdlib.h>

static void first(void) { printf("atexit first registered, runs last\n"); }
static void second(void) { printf("atexit second registered, runs first\n"); }

int main(void)
{
    atexit(first);
    atexit(second);
    printf("exiting with 3 (buffered, no newline flush yet)");
    exit(3);
}
