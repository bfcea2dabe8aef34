/* The guest of the syscall fuzzer (scripts/fuzz/syscall_storm.py): reads a script from stdin into
 * `script` and makes its calls in order, then exits 0. The script is a count, then that many
 * records of seven 64-bit words (number, a0...a5), then data the arguments point into; the fuzzer
 * knows the addresses of `script` and `scratch` from this program's symbols. The script is made
 * read-only before the first call. Freestanding rv64imac. */
#define SCRIPT_SIZE (1 << 20)

unsigned char script[SCRIPT_SIZE] __attribute__((aligned(4096)));
unsigned char scratch[1 << 16] __attribute__((aligned(4096)));

static long call(long n, long a, long b, long c, long d, long e, long f) {
    register long a0 asm("a0") = a, a1 asm("a1") = b, a2 asm("a2") = c, a3 asm("a3") = d;
    register long a4 asm("a4") = e, a5 asm("a5") = f, a7 asm("a7") = n;
    asm volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(a7) : "memory");
    return a0;
}

void _start(void) {
    long total = 0;
    for (;;) {
        long n = call(63, 0, (long)script + total, SCRIPT_SIZE - total, 0, 0, 0);
        if (n <= 0) break;
        total += n;
    }
    /* Read-only from here on, so that no call can turn a later record's timespec into a wild sleep. */
    call(226, (long)script, SCRIPT_SIZE, 1, 0, 0, 0);
    unsigned long count = total >= 8 ? *(volatile unsigned long *)script : 0;
    for (unsigned long i = 0; i < count && 8 + (i + 1) * 56 <= (unsigned long)total; i++) {
        volatile unsigned long *r = (volatile unsigned long *)(script + 8 + i * 56);
        call(r[0], r[1], r[2], r[3], r[4], r[5], r[6]);
    }
    call(93, 0, 0, 0, 0, 0, 0);
    for (;;) {}
}
