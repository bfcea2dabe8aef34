/* TLS in a shared library (lib/libtls.so), used from the library and directly from the program
 * (initial-exec/general-dynamic access to another module's __thread variables). */
#include <stdio.h>
#include <string.h>

extern __thread long tls_counter;
extern __thread char tls_buffer[64];
long tls_bump(long by);
char *tls_text(void);

static __thread int own = 5;

int main(void) {
    printf("tls_counter starts at %ld\n", tls_counter);
    printf("tls_bump(5) = %ld\n", tls_bump(5));
    tls_counter *= 2;
    printf("after doubling: %ld\n", tls_bump(0));
    printf("tls_buffer starts empty: %s\n", tls_buffer[0] == 0 && tls_text()[63] == 0 ? "yes" : "no");
    strcpy(tls_text(), "written through the library");
    printf("tls_buffer = %s\n", tls_buffer);
    printf("own = %d, same address both ways: %s\n", own, (void *)tls_text() == (void *)tls_buffer ? "yes" : "no");
    return 0;
}
