/* Reads stdin line by line with getline and prints counts and checksums (a small wc). */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    unsigned long lines = 0, words = 0, bytes = 0, longest = 0, digits = 0, blank = 0;
    uint64_t hash = 0xcbf29ce484222325ULL;
    while ((length = getline(&line, &capacity, stdin)) != -1) {
        lines++;
        bytes += (unsigned long)length;
        if ((unsigned long)length > longest) longest = (unsigned long)length;
        int in_word = 0;
        for (ssize_t i = 0; i < length; i++) {
            unsigned char c = (unsigned char)line[i];
            hash = (hash ^ c) * 0x100000001b3ULL;
            digits += isdigit(c) != 0;
            if (isspace(c)) in_word = 0;
            else if (!in_word) { in_word = 1; words++; }
        }
        if (length <= 1) blank++;
        if (lines % 10 == 1) printf("line %lu: %zd bytes\n", lines, length);
    }
    free(line);
    printf("lines %lu words %lu bytes %lu longest %lu digits %lu blank %lu fnv %016llx eof %d\n", lines, words,
           bytes, longest, digits, blank, (unsigned long long)hash, feof(stdin) != 0);
    return 0;
}
