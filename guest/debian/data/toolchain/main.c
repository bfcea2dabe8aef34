/* Built under tinyrv by Debian's own gcc-14, as, ld and ar (scripts/toolchain-test.sh), then run
 * under qemu-riscv64 and tinyrv. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "shapes.h"

int main(int argc, char **argv)
{
    double total = 0;
    for (int i = 1; i < argc; i++) total += circle_area(atof(argv[i]));
    printf("%d circles, total area %.4f, hypot %.4f\n", argc - 1, total, hypot(3, 4));
    printf("squares: %ld %ld\n", square(12), square(-7));
    return (int)total % 100;
}
