/* A program linked against lib/libctor.so (found through DT_RUNPATH $ORIGIN/lib): the library's
 * constructor runs before main, its data is visible through a copy relocation, its destructor after exit. */
#include <stdio.h>

extern int ctor_value;
int ctor_twice(void);

__attribute__((constructor)) static void own_constructor(void) { printf("program constructor ran\n"); }

int main(void) {
    printf("main sees ctor_value = %d, ctor_twice() = %d\n", ctor_value, ctor_twice());
    return 0;
}
