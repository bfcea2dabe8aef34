/* setjmp/longjmp and sigsetjmp/siglongjmp: jumps out of deep recursion, value 0 becoming 1, volatile locals,
 * and callee-saved integer and floating-point registers surviving the jump. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>

static jmp_buf outer, inner;
static sigjmp_buf with_mask;
static int depth_reached;

static void recurse(int depth, int limit)
{
    volatile char pad[64];
    pad[depth % 64] = (char)depth;
    depth_reached = depth + pad[depth % 64] - (char)depth;
    if (depth >= limit) longjmp(outer, depth * 10);
    if (depth < 1000) recurse(depth + 1, limit);
}

static double keep_registers(double seed)
{
    /* Many live values across setjmp so that callee-saved s- and fs-registers hold them. */
    volatile int round = 0;
    double a = seed, b = seed * 2, c = seed * 3, d = seed * 5, e = seed * 7, f = seed * 11;
    long i = (long)seed, j = i * 3, k = i * 5;
    if (setjmp(inner) < 3) {
        round++;
        longjmp(inner, round);
    }
    return a + b + c + d + e + f + (double)(i + j + k) + round;
}

int main(void)
{
    for (volatile int limit = 1; limit <= 200; limit *= 3) {
        int value = setjmp(outer);
        if (value == 0) {
            recurse(0, limit);
            printf("not reached\n");
        } else {
            printf("limit %d: longjmp value %d depth %d\n", limit, value, depth_reached);
        }
    }
    volatile int counter = 0;
    int value = setjmp(outer);
    counter++;
    if (value == 0) longjmp(outer, 0);
    printf("longjmp(0) gives %d after %d setjmp returns\n", value, counter);
    printf("registers kept: %a\n", keep_registers(1.25));

    sigset_t set, current;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    volatile int jumps = 0;
    if (sigsetjmp(with_mask, 1) == 0) {
        sigprocmask(SIG_BLOCK, &set, NULL);
        jumps++;
        siglongjmp(with_mask, 7);
    }
    sigprocmask(SIG_BLOCK, NULL, &current);
    printf("siglongjmp after %d jump(s); SIGUSR1 blocked after restore: %d\n", jumps,
           sigismember(&current, SIGUSR1));
    return 0;
}
