/* The program scripts/gdb-test.py debugs with gdb-multiarch through `tinyrv run --gdb`.
 * Each part gives the debugger something to check: an argument and a return value (square),
 * a global written three times (counter) and one read in the loop condition (limit), an FP
 * argument (scaled), a write(2) to catch, a loop that only the debugger can end (spin), and an
 * exit status the debugger sets (patched). Built -O0 -g so that every access stays in the code. */
#include <unistd.h>

int counter;
int limit = 3;
volatile int spin_release;
int patched = 7;

__attribute__((noinline)) int square(int x) {
    return x * x;
}

__attribute__((noinline)) double scaled(double value) {
    return value * 1.5;
}

__attribute__((noinline)) void spin(void) {
    while (!spin_release) {
    }
}

int main(void) {
    for (int i = 0; i < limit; i++) counter += 10;
    int s = square(counter);
    double d = scaled(s);
    static const char message[] = "hello from the debuggee\n";
    write(1, message, sizeof message - 1);
    spin();
    /* With the debugger's writes (x = 5 in square, patched = 42): 42 + 0. */
    return patched + (int)(d - 37.5);
}
