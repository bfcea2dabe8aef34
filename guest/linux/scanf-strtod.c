/* scanf family and strtod/strtof/strtold: exact decimal and hex round trips of pseudo-random doubles,
 * hard-to-round inputs, ERANGE, end pointers, rounding modes, and sscanf conversions. */
#include <errno.h>
#include <fenv.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t lcg_state = 0x2545F4914F6CDD1DULL;

static uint64_t next_random(void)
{
    lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return lcg_state;
}

static uint64_t bits_of(double d)
{
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    return bits;
}

static void round_trips(void)
{
    int decimal_mismatches = 0, hex_mismatches = 0, float_mismatches = 0;
    uint64_t checksum = 0;
    char text[64];
    for (int i = 0; i < 1000; i++) {
        uint64_t bits = next_random();
        if (((bits >> 52) & 0x7ff) == 0x7ff) continue;
        double d;
        memcpy(&d, &bits, sizeof d);
        snprintf(text, sizeof text, "%.17g", d);
        double back = strtod(text, NULL);
        if (bits_of(back) != bits) decimal_mismatches++;
        snprintf(text, sizeof text, "%a", d);
        back = strtod(text, NULL);
        if (bits_of(back) != bits) hex_mismatches++;
        float f = (float)d;
        snprintf(text, sizeof text, "%.9g", f);
        if (strtof(text, NULL) != f && f == f) float_mismatches++;
        checksum = checksum * 31 + bits_of(strtod(text, NULL));
    }
    printf("round trips: decimal %d hex %d float %d mismatches, checksum %016" PRIx64 "\n",
           decimal_mismatches, hex_mismatches, float_mismatches, checksum);
}

static const char *inputs[] = {
    "0.1", "1e-320", "2.4703282292062327e-324", "2.4703282292062328e-324", "4.9406564584124654e-324",
    "1.7976931348623157e308", "1.7976931348623158e308", "1.8e308", "-0", "-0.0e10", "inf", "-Infinity", "nan",
    "nan(0x123)", "0x1.8p1", "0x1p-1074", "0x1p-1075", "0X.8P+2", "  42abc", "1e", "+.5e-3x", "", "abc",
    "9007199254740993", "123456789012345678901234567890", "2.2250738585072011e-308",
    "0.500000000000000166533453693773481063544750213623046875",
};

static void conversions(void)
{
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        char *end;
        errno = 0;
        double d = strtod(inputs[i], &end);
        int derr = errno;
        errno = 0;
        float f = strtof(inputs[i], NULL);
        int ferr = errno;
        long double ld = strtold(inputs[i], NULL);
        printf("strtod(\"%s\") = %a errno %d end +%td | strtof %a errno %d | strtold %La\n",
               inputs[i], d, derr, end - inputs[i], f, ferr, ld);
    }
}

static void rounding_modes(void)
{
    static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
    static const char *names[] = {"nearest", "upward", "downward", "towardzero"};
    for (int m = 0; m < 4; m++) {
        fesetround(modes[m]);
        double a = strtod("0.1", NULL), b = strtod("-0.1", NULL), c = strtod("1e400", NULL);
        float f = strtof("0.3", NULL);
        fesetround(FE_TONEAREST);
        printf("strtod %-10s %a %a %a %a\n", names[m], a, b, c, f);
    }
}

static void sscanf_cases(void)
{
    int i = 0, n = 0, count;
    unsigned x = 0;
    double d = 0;
    float f = 0;
    char word[16] = "", letters[16] = "", ch = 0;
    long long ll = 0;
    count = sscanf("  -17 3.25e2 hello 0x1F 2.5 Zabcxyz9 123456789012%", "%d %lf %15s %x %f %c%15[a-z]%lld%n",
                   &i, &d, word, &x, &f, &ch, letters, &ll, &n);
    printf("sscanf count %d: %d %a %s %u %a %c %s %lld %d\n", count, i, d, word, x, f, ch, letters, ll, n);
    int a = 0, b = 0, c = 0;
    count = sscanf("1,2;3", "%d,%d;%d", &a, &b, &c);
    printf("sscanf separated: %d -> %d %d %d\n", count, a, b, c);
    count = sscanf("abc", "%d", &i);
    printf("sscanf no match: %d\n", count);
    count = sscanf("", "%d", &i);
    printf("sscanf empty: %d\n", count);
    count = sscanf("inf -nan 0x1p-3 1e-400", "%lf %lf %lf %lf", &d, &d, &d, &d);
    printf("sscanf specials: %d last %a\n", count, d);
    char hexword[8] = "";
    count = sscanf("deadbeef rest", "%7[0-9a-f]%*s", hexword);
    printf("sscanf scanset: %d %s\n", count, hexword);
}

int main(void)
{
    round_trips();
    conversions();
    rounding_modes();
    sscanf_cases();
    return 0;
}
