// Start-up cost of a dynamically linked program: the loader, libc's relocation and one line of output.
#include <stdio.h>

int main(void) {
    puts("hello from a dynamic program");
    return 0;
}
