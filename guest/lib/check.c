/*
 * check.c: the failure paths of CHECK and CHECK_EQ (tinyrv.h). They report on stderr and exit 1.
 */
#include "tinyrv.h"

void tinyrv_check_failed(const char *file, int line, const char *condition) {
    dprintf(2, "CHECK failed: %s:%d: %s\n", file, line, condition);
    exit(1);
}

void tinyrv_check_equal_failed(const char *file, int line, const char *left, const char *right,
                               long left_value, long right_value) {
    dprintf(2, "CHECK failed: %s:%d: %s == %s (%ld 0x%lx vs %ld 0x%lx)\n", file, line, left, right,
            left_value, (unsigned long)left_value, right_value, (unsigned long)right_value);
    exit(1);
}
