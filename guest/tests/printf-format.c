/* printf-format: the guest printf's conversions, flags and widths give exact output. */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\nstdout="
              "[42] [-42] [42] [4294967254] [2a] [2A]\\n"
              "[-9223372036854775808] [18446744073709551615] [deadbeefcafe]\\n"
              "[   7] [7   ] [0007] [-007] [  -7] [0x1000] [0x0]\\n"
              "[hi] [   hi] [hi   ] [(null)] [x] [  x] [%]\\n"
              "[snprintf 123456|7]\\n\n");

static const char *volatile null_string;

int main(void) {
    printf("[%d] [%i] [%u] [%u] [%x] [%X]\n", 42, -42, 42u, (unsigned)-42, 42, 42);
    printf("[%ld] [%lu] [%lx]\n", -9223372036854775807L - 1, 18446744073709551615UL, 0xdeadbeefcafeUL);
    printf("[%4d] [%-4d] [%04d] [%04d] [%4d] [%p] [%p]\n", 7, 7, 7, -7, -7, (void *)0x1000, (void *)0);
    printf("[%s] [%5s] [%-5s] [%s] [%c] [%3c] [%%]\n", "hi", "hi", "hi", null_string, 'x', 'x');
    char buffer[16];
    int needed = snprintf(buffer, 7, "%d", 1234567);
    printf("[snprintf %s|%d]\n", buffer, needed);
    return 0;
}
