/* libm and basic arithmetic under every rounding mode (fesetround), printed exactly with %a:
 * sin, cos, exp, log, pow, fma, sqrt, rint, nearbyint, lrint, their float versions, and exception flags. */
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdio.h>

static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
static const char *mode_names[] = {"nearest", "upward", "downward", "towardzero"};

static const double inputs[] = {
    0.0, -0.0, 0.5, -0.5, 1.0, 1.5, 2.5, -2.5, 3.7, -3.7, 0.1, 1e-310, 700.0, -745.5, 1e10, 1e300,
    3.141592653589793, 1.0e-8, 123456.789, 4503599627370495.5, INFINITY, -INFINITY, NAN,
};

#define COUNT (sizeof inputs / sizeof inputs[0])

static void print_flags(const char *what)
{
    int flags = fetestexcept(FE_ALL_EXCEPT);
    printf("  flags %-10s %s%s%s%s%s\n", what, flags & FE_INEXACT ? "inexact " : "",
           flags & FE_UNDERFLOW ? "underflow " : "", flags & FE_OVERFLOW ? "overflow " : "",
           flags & FE_DIVBYZERO ? "divbyzero " : "", flags & FE_INVALID ? "invalid" : "");
}

static void doubles(void)
{
    for (size_t i = 0; i < COUNT; i++) {
        volatile double x = inputs[i], y = inputs[(i + 5) % COUNT], z = inputs[(i + 11) % COUNT];
        printf("  x=%a sin %a cos %a exp %a log %a\n", x, sin(x), cos(x), exp(x), log(x));
        printf("    pow %a fma %a sqrt %a rint %a nearbyint %a lrint %ld\n", pow(x, 1.5), fma(x, y, z),
               sqrt(x), rint(x), nearbyint(x), lrint(x));
        printf("    add %a sub %a mul %a div %a tan %a atan2 %a cbrt %a\n", x + y, x - z, x * y, x / z, tan(x),
               atan2(x, y), cbrt(x));
    }
}

static void floats(void)
{
    for (size_t i = 0; i < COUNT; i += 2) {
        volatile float x = (float)inputs[i], y = (float)inputs[(i + 3) % COUNT];
        printf("  f x=%a sinf %a expf %a logf %a powf %a fmaf %a sqrtf %a rintf %a div %a cvt %a\n", x, sinf(x),
               expf(x), logf(x), powf(x, 0.75f), fmaf(x, y, 1.0f), sqrtf(x), rintf(x), x / y, (float)inputs[i]);
    }
}

static void exceptions(void)
{
    volatile double one = 1.0, zero = 0.0, three = 3.0, huge = DBL_MAX, tiny = DBL_MIN, minus = -1.0;
    volatile double sink;
    feclearexcept(FE_ALL_EXCEPT);
    sink = one / three;
    print_flags("1/3");
    feclearexcept(FE_ALL_EXCEPT);
    sink = one / zero;
    print_flags("1/0");
    feclearexcept(FE_ALL_EXCEPT);
    sink = sqrt(minus);
    print_flags("sqrt(-1)");
    feclearexcept(FE_ALL_EXCEPT);
    sink = huge * huge;
    print_flags("max*max");
    feclearexcept(FE_ALL_EXCEPT);
    sink = tiny * tiny;
    print_flags("min*min");
    feclearexcept(FE_ALL_EXCEPT);
    sink = one + zero;
    print_flags("1+0");
    (void)sink;
}

int main(void)
{
    for (int m = 0; m < 4; m++) {
        if (fesetround(modes[m]) != 0) {
            printf("fesetround(%s) failed\n", mode_names[m]);
            return 1;
        }
        printf("mode %s fegetround %d\n", mode_names[m], fegetround() == modes[m]);
        doubles();
        floats();
        exceptions();
    }
    fesetround(FE_TONEAREST);
    return 0;
}
