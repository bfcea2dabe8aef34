/* args: argc and argv reach main from the Linux-style initial stack; argv[argc] is NULL. */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\nargs=alpha beta gamma\n"
              "stdout=argc=4\\nargv[1]=alpha\\nargv[2]=beta\\nargv[3]=gamma\\n\n");

int main(int argc, char **argv) {
    printf("argc=%d\n", argc);
    CHECK(argv[0] != 0 && strlen(argv[0]) > 0);
    for (int i = 1; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
    CHECK(argv[argc] == 0);
    return 0;
}
