/* scanf from stdin: reads "name count value" records until EOF and prints totals. */
#include <stdio.h>

int main(void)
{
    char name[32];
    int count;
    double value;
    int records = 0, total_count = 0;
    double total_value = 0.0;
    int matched;
    while ((matched = scanf("%31s %d %lf", name, &count, &value)) == 3) {
        records++;
        total_count += count;
        total_value += value * count;
        printf("%-12s %5d %12.4f %a\n", name, count, value, value);
    }
    printf("records %d count %d value %.6f (%a) last scanf %d\n", records, total_count, total_value, total_value,
           matched);
    return 0;
}
