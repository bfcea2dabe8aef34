/* libplugin.so: loaded by dlopen in dlopen.c; has dynamic TLS (a __thread variable in a library that
 * was not there at start-up) and calls back into libc. */
#include <stdio.h>

static __thread int calls = 100;

int plugin_scale(int value) {
    calls++;
    return value * 7 + calls;
}

const char *plugin_name(void) {
    static char name[32];
    snprintf(name, sizeof name, "plugin-%d", calls);
    return name;
}
