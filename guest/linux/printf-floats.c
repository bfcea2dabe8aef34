/* printf family with floating point: %e %f %g %a over normal, subnormal, infinite, NaN and signed-zero values,
 * snprintf truncation and return values, long double (quad, soft-float in glibc) and integer conversions. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const double values[] = {
    0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, -2.5, 0.125, 1e-300, 1e300,
    4.9406564584124654e-324, 1.4821969375237396e-323, 2.2250738585072009e-308, 2.2250738585072014e-308,
    1.7976931348623157e308, 123456789.123456789, 1e22, 1e23, 9007199254740993.0, 3.141592653589793,
    2.718281828459045, 0.000123456, 9.9999999999e9, 5e-5, 0.95, 0.05, 999999.5, 1234567.0,
    INFINITY, -INFINITY, NAN, -NAN,
};

static const char *formats[] = {
    "%e", "%.0e", "%.17e", "%f", "%.3f", "%.0f", "%g", "%.17g", "%#g", "%#.0f",
    "%a", "%.3a", "%.0a", "%A", "%+12.4e", "%-14.3g|", "% f", "%010.2f", "%.40f",
};

static void print_doubles(void)
{
    char buffer[512];
    for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
        for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
            int n = snprintf(buffer, sizeof buffer, formats[f], values[v]);
            printf("%zu %-9s %3d [%s]\n", v, formats[f], n, buffer);
        }
    }
}

static void print_computed(void)
{
    /* Values produced at run time by the FPU, so the compiler cannot fold them. */
    volatile double x = 1.0;
    for (int i = 0; i < 40; i++) {
        x = x * 1.7 - 0.3 / (i + 1);
        printf("step %2d %.17g %a %e\n", i, x, x, x);
    }
    volatile double tiny = DBL_MIN;
    for (int i = 0; i < 12; i++) {
        tiny = tiny / 7.0;
        printf("sub %2d %a %.6e %g\n", i, tiny, tiny, tiny);
    }
    volatile double up = nextafter(1.0, 2.0), down = nextafter(1.0, 0.0);
    printf("next %a %a %.20f %.20f\n", up, down, up, down);
}

static void print_floats(void)
{
    static const float fvalues[] = {0.1f, -0.0f, FLT_MIN, FLT_TRUE_MIN, FLT_MAX, 16777217.0f, 3.4e-39f, 1.0f / 3.0f};
    for (size_t i = 0; i < sizeof fvalues / sizeof fvalues[0]; i++)
        printf("float %zu %a %.9g %e %f\n", i, fvalues[i], fvalues[i], fvalues[i], fvalues[i]);
}

static void print_long_doubles(void)
{
    volatile long double third = 1.0L / 3.0L, big = LDBL_MAX, small = LDBL_MIN, root = sqrtl(2.0L);
    printf("ld %La %.30Lg %Le\n", third, third, third);
    printf("ld %La %Lg\n", big, big);
    printf("ld %La %Lg\n", small, small);
    printf("ld %.36Lf %La\n", root, root);
}

/* Truncation is what this function tests. */
#pragma GCC diagnostic ignored "-Wformat-truncation"
static void print_truncation(void)
{
    char small[8];
    for (size_t size = 0; size <= sizeof small; size += 3) {
        memset(small, '#', sizeof small);
        int n = snprintf(small, size, "%.5f", 3.14159265);
        printf("trunc size %zu returns %d [%.*s]\n", size, n, (int)sizeof small, small);
    }
}

static void print_integers(void)
{
    int64_t values64[] = {0, 1, -1, INT64_MAX, INT64_MIN, 1234567890123LL};
    for (size_t i = 0; i < sizeof values64 / sizeof values64[0]; i++) {
        long long v = values64[i];
        printf("int %lld %llu %llx %llo %+lld %20lld|%-20lld| %#llx %.3lld\n",
               v, (unsigned long long)v, (unsigned long long)v, (unsigned long long)v, v, v, v,
               (unsigned long long)v, v);
    }
    int consumed = 0;
    printf("%s %c %5.2s %p %hhd %hd%n|\n", "str", 'c', "abcdef", (void *)0x1234, 300, 70000, &consumed);
    printf("consumed %d\n", consumed);
}

int main(void)
{
    print_doubles();
    print_computed();
    print_floats();
    print_long_doubles();
    print_truncation();
    print_integers();
    return 0;
}
