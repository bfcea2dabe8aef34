/* dlopen/dlsym of the test tree's lib/libplugin.so (next to this program), dynamic TLS in it, dlclose,
 * and dlerror for a library that does not exist. */
#include <dlfcn.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    (void)argc;
    char directory[512];
    snprintf(directory, sizeof directory, "%s", argv[0]);
    char path[600];
    snprintf(path, sizeof path, "%s/lib/libplugin.so", dirname(directory));
    void *handle = dlopen(path, RTLD_NOW);
    if (!handle) {
        printf("dlopen failed: %s\n", dlerror());
        return 1;
    }
    int (*scale)(int) = (int (*)(int))dlsym(handle, "plugin_scale");
    const char *(*name)(void) = (const char *(*)(void))dlsym(handle, "plugin_name");
    if (!scale || !name) return 2;
    for (int i = 1; i <= 3; i++) printf("plugin_scale(%d) = %d\n", i, scale(i));
    printf("plugin_name() = %s\n", name());
    printf("missing symbol: %s\n", dlsym(handle, "no_such_symbol") ? "found" : "absent");
    printf("dlclose = %d\n", dlclose(handle));
    void *missing = dlopen("libdoes-not-exist.so", RTLD_NOW);
    printf("missing library: %s\n", missing ? "loaded" : "refused");
    return 0;
}
