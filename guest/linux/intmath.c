/* Integer arithmetic: signed and unsigned division and remainder (including division by zero and
 * INT_MIN / -1, which RISC-V defines), 32-bit word operations, __int128 arithmetic, multiply-high,
 * bit builtins (popcount, clz, ctz, parity, bswap), rotates and overflow builtins. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

static uint64_t lcg_state = 7;

static uint64_t next_random(void)
{
    lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return lcg_state ^ (lcg_state >> 29);
}

static void print_u128(const char *label, unsigned __int128 value)
{
    char digits[48];
    int n = 0;
    do { digits[n++] = (char)('0' + (int)(value % 10)); value /= 10; } while (value != 0);
    printf("%s ", label);
    while (n > 0) putchar(digits[--n]);
    putchar('\n');
}

static void division_corners(void)
{
    /* volatile: the compiler must emit the divide instructions instead of folding undefined C. */
    volatile int64_t min64 = INT64_MIN, minus1 = -1, zero = 0, seven = 7, minus7 = -7;
    volatile int32_t min32 = INT32_MIN, minus1w = -1, zerow = 0;
    printf("div64 %" PRId64 " %" PRId64 " %" PRId64 " %" PRId64 "\n", min64 / minus1, min64 % minus1, seven / zero,
           seven % zero);
    printf("divu64 %" PRIu64 " %" PRIu64 "\n", (uint64_t)seven / (uint64_t)zero, (uint64_t)minus7 % (uint64_t)zero);
    printf("div32 %" PRId32 " %" PRId32 " %" PRId32 " %" PRId32 "\n", min32 / minus1w, min32 % minus1w,
           (int32_t)seven / zerow, (int32_t)minus7 % zerow);
    printf("signs %" PRId64 " %" PRId64 " %" PRId64 " %" PRId64 "\n", minus7 / 2, minus7 % 2, seven / -2,
           seven % -2);
}

static void random_arithmetic(void)
{
    uint64_t hash = 0;
    for (int i = 0; i < 20000; i++) {
        uint64_t a = next_random(), b = next_random() >> (i % 64);
        if (b == 0) b = 1;
        int64_t sa = (int64_t)a, sb = (int64_t)b;
        uint32_t wa = (uint32_t)a, wb = (uint32_t)b | 1;
        int32_t swa = (int32_t)wa, swb = (int32_t)wb;
        hash = hash * 31 + a / b + a % b;
        hash = hash * 31 + (uint64_t)(sa / sb) + (uint64_t)(sa % sb);
        hash = hash * 31 + wa / wb + wa % wb + (uint64_t)(int64_t)(swa / swb) + (uint64_t)(int64_t)(swa % swb);
        hash = hash * 31 + (uint64_t)(int64_t)(int32_t)(wa * wb) + (uint64_t)(int64_t)(int32_t)(wa << (i % 32));
        hash = hash * 31 + (uint64_t)((unsigned __int128)a * b >> 64);
        hash = hash * 31 + (uint64_t)((__int128)sa * sb >> 64);
        hash = hash * 31 + (uint64_t)((__int128)sa * (unsigned __int128)b >> 64);
        hash = hash * 31 + (uint64_t)(sa >> (i % 64)) + (a >> (i % 64)) + (uint64_t)(swa >> (i % 32));
        hash = hash * 31 + (uint64_t)__builtin_popcountll(a) + (uint64_t)__builtin_clzll(b) +
               (uint64_t)__builtin_ctzll(b) + (uint64_t)__builtin_parityll(a) + __builtin_bswap64(a) +
               __builtin_bswap32(wa) + (uint64_t)__builtin_clz(wb) + (uint64_t)__builtin_popcount(wa);
        hash = hash * 31 + ((a << (i % 64)) | (a >> ((64 - i % 64) % 64)));
    }
    printf("random arithmetic checksum %016" PRIx64 "\n", hash);
}

static void wide_arithmetic(void)
{
    unsigned __int128 factorial = 1;
    for (int i = 1; i <= 34; i++) factorial *= (unsigned)i;
    print_u128("34! =", factorial);
    unsigned __int128 big = ((unsigned __int128)0x0123456789abcdefULL << 64) | 0xfedcba9876543210ULL;
    print_u128("big =", big);
    print_u128("big / 1000000007 =", big / 1000000007u);
    print_u128("big % 1000000007 =", big % 1000000007u);
    print_u128("big / (2^64 + 3) =", big / (((unsigned __int128)1 << 64) + 3));
    __int128 negative = -(__int128)big;
    print_u128("-big / -12345 =", (unsigned __int128)(negative / -12345));
    printf("int128 sign of -big %% 10: %d\n", (int)(negative % 10));
}

static void overflow_checks(void)
{
    int64_t result;
    int add = __builtin_add_overflow(INT64_MAX, (int64_t)1, &result);
    int sub = __builtin_sub_overflow(INT64_MIN, (int64_t)1, &result);
    int mul = __builtin_mul_overflow((int64_t)3037000500, (int64_t)3037000500, &result);
    uint32_t word;
    int umul = __builtin_mul_overflow(65536u, 65536u, &word);
    printf("overflow add %d sub %d mul %d umul32 %d\n", add, sub, mul, umul);
}

int main(void)
{
    division_corners();
    random_arithmetic();
    wide_arithmetic();
    overflow_checks();
    return 0;
}
