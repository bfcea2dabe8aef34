/* A dynamically linked hello: ld.so, libc.so.6 through the sysroot, argv and the exit status (0
 * without arguments, for `make bench`'s start-up row). Built
 * three ways by dynamic.mk: the default PIE (hello), -fPIE -pie (pie-hello) and -no-pie (nopie-hello,
 * an ET_EXEC with PT_INTERP). */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    printf("hello from a dynamic program, %d argument(s)\n", argc - 1);
    for (int i = 1; i < argc; i++) printf("argv[%d] = %s (%zu bytes)\n", i, argv[i], strlen(argv[i]));
    return argc > 1 ? argc + 40 : 0;
}
