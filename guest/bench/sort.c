/* Sorting: quicksort (median of three, insertion sort for small ranges) and top-down merge sort of
 * pseudo-random ints from a fixed-seed generator; verifies the order and prints checksums.
 * usage: sort [SCALE]   (SCALE multiplies the element count; default 1 = 1e6 ints; 7 rounds of both sorts) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define DEFAULT_COUNT 1000000
#define ROUNDS 7

static uint64_t state = 0x853c49e6748fea9bULL;

static uint32_t next_random(void)
{
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    uint32_t xorshifted = (uint32_t)(((state >> 18) ^ state) >> 27);
    uint32_t rot = (uint32_t)(state >> 59);
    return (xorshifted >> rot) | (xorshifted << ((32 - rot) & 31));
}

static void insertion_sort(int32_t *a, long n)
{
    for (long i = 1; i < n; i++) {
        int32_t v = a[i];
        long j = i - 1;
        while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
        a[j + 1] = v;
    }
}

static void quick_sort(int32_t *a, long n)
{
    while (n > 16) {
        long mid = n / 2;
        if (a[mid] < a[0]) { int32_t t = a[mid]; a[mid] = a[0]; a[0] = t; }
        if (a[n - 1] < a[0]) { int32_t t = a[n - 1]; a[n - 1] = a[0]; a[0] = t; }
        if (a[n - 1] < a[mid]) { int32_t t = a[n - 1]; a[n - 1] = a[mid]; a[mid] = t; }
        int32_t pivot = a[mid];
        long i = 0, j = n - 1;
        for (;;) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i >= j) break;
            int32_t t = a[i]; a[i] = a[j]; a[j] = t;
            i++;
            j--;
        }
        /* Recurse into the smaller part, loop on the larger. */
        if (j + 1 < n - j - 1) { quick_sort(a, j + 1); a += j + 1; n -= j + 1; }
        else { quick_sort(a + j + 1, n - j - 1); n = j + 1; }
    }
    insertion_sort(a, n);
}

static void merge_sort(int32_t *a, int32_t *scratch, long n)
{
    if (n <= 16) { insertion_sort(a, n); return; }
    long half = n / 2;
    merge_sort(a, scratch, half);
    merge_sort(a + half, scratch, n - half);
    long i = 0, j = half, k = 0;
    while (i < half && j < n) scratch[k++] = a[j] < a[i] ? a[j++] : a[i++];
    while (i < half) scratch[k++] = a[i++];
    while (j < n) scratch[k++] = a[j++];
    for (long m = 0; m < n; m++) a[m] = scratch[m];
}

static uint64_t checksum(const int32_t *a, long n, int *ordered)
{
    uint64_t hash = 0xcbf29ce484222325ULL;
    *ordered = 1;
    for (long i = 0; i < n; i++) {
        hash = (hash ^ (uint32_t)a[i]) * 0x100000001b3ULL;
        if (i > 0 && a[i - 1] > a[i]) *ordered = 0;
    }
    return hash;
}

int main(int argc, char **argv)
{
    double scale = argc > 1 ? atof(argv[1]) : 1.0;
    long n = (long)(DEFAULT_COUNT * scale);
    if (n < 2) n = 2;
    int32_t *data = malloc(sizeof *data * (size_t)n), *scratch = malloc(sizeof *scratch * (size_t)n);
    if (!data || !scratch) { printf("out of memory\n"); return 1; }
    int all_ordered = 1, ordered;
    uint64_t total = 0;
    for (int round = 0; round < ROUNDS; round++) {
        /* Narrow value ranges in odd rounds make many duplicates. */
        uint32_t modulus = round % 2 == 0 ? 0xffffffffu : 1000u << round;
        for (long i = 0; i < n; i++) data[i] = (int32_t)(next_random() % modulus);
        quick_sort(data, n);
        total ^= checksum(data, n, &ordered) + (uint64_t)round;
        all_ordered &= ordered;
        printf("quicksort round %d: min %d median %d max %d ordered %d\n", round, data[0], data[n / 2], data[n - 1],
               ordered);
        for (long i = 0; i < n; i++) data[i] = (int32_t)(next_random() % modulus);
        merge_sort(data, scratch, n);
        total = total * 31 + checksum(data, n, &ordered);
        all_ordered &= ordered;
        printf("mergesort round %d: min %d median %d max %d ordered %d\n", round, data[0], data[n / 2], data[n - 1],
               ordered);
    }
    printf("sort: %ld ints, checksum %016llx (%s)\n", n, (unsigned long long)total, all_ordered ? "valid" : "INVALID");
    free(data);
    free(scratch);
    return !all_ordered;
}
