/* Prints argc, every argv string and one environment variable that the difftest sets
 * (TINYRV_DIFFTEST); the rest of the environment is host-dependent and is not printed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv, char **envp)
{
    printf("argc %d\n", argc);
    for (int i = 0; i < argc; i++) printf("argv[%d] = \"%s\" (%zu bytes)\n", i, argv[i], strlen(argv[i]));
    printf("argv[argc] is %s\n", argv[argc] == NULL ? "NULL" : "not NULL");
    const char *value = getenv("TINYRV_DIFFTEST");
    printf("TINYRV_DIFFTEST = %s\n", value ? value : "(unset)");
    int found = 0;
    for (char **e = envp; *e != NULL; e++) found += strncmp(*e, "TINYRV_DIFFTEST=", 16) == 0;
    printf("found in envp %d time(s); unset variable: %s\n", found,
           getenv("TINYRV_DIFFTEST_NEVER_SET") ? "set" : "(unset)");
    return argc;
}
