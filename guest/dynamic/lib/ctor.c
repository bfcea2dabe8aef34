/* libctor.so: a constructor and a destructor that run around main of ctor.c. */
#include <stdio.h>

int ctor_value;

__attribute__((constructor)) static void set_up(void) {
    ctor_value = 42;
    printf("libctor constructor ran\n");
}

__attribute__((destructor)) static void tear_down(void) {
    printf("libctor destructor ran\n");
}

int ctor_twice(void) { return ctor_value * 2; }
