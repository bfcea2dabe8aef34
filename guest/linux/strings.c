/* Locale-free string, memory, ctype and number-parsing functions of the C library, at many lengths and
 * alignments (the word-at-a-time paths of glibc), with results printed or folded into checksums. */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static uint64_t mix(uint64_t hash, uint64_t value) { return (hash ^ value) * 0x100000001b3ULL; }

static void ctype_table(void)
{
    uint64_t hash = 0xcbf29ce484222325ULL;
    for (int c = -1; c < 256; c++) {
        int classes[] = {isalpha(c), isdigit(c), isspace(c), ispunct(c), isupper(c), islower(c),
                         isxdigit(c), iscntrl(c), isprint(c), isgraph(c), isalnum(c), isblank(c)};
        int bits = 0;
        for (int i = 0; i < 12; i++) bits |= (classes[i] != 0) << i;
        hash = mix(hash, (uint64_t)bits);
        hash = mix(hash, (uint64_t)(toupper(c) + 1) << 16 | (uint64_t)(tolower(c) + 1));
    }
    printf("ctype checksum %016llx\n", (unsigned long long)hash);
}

static void memory_functions(void)
{
    static unsigned char source[300], target[300];
    uint64_t hash = 0xcbf29ce484222325ULL;
    for (int i = 0; i < 300; i++) source[i] = (unsigned char)(i * 37 + 11);
    for (int offset = 0; offset < 9; offset++) {
        for (int length = 0; length < 70; length += 3) {
            memset(target, 0xAA, sizeof target);
            memcpy(target + offset, source + (8 - offset), (size_t)length);
            hash = mix(hash, (uint64_t)memcmp(target + offset, source + (8 - offset), (size_t)length));
            memmove(target + offset + 5, target + offset, (size_t)length);
            memmove(target + offset, target + offset + 3, (size_t)length);
            unsigned char *hit = memchr(target, source[50], sizeof target);
            hash = mix(hash, hit ? (uint64_t)(hit - target) : 999);
            hit = memrchr(target, 0xAA, sizeof target);
            hash = mix(hash, hit ? (uint64_t)(hit - target) : 999);
            for (int i = 0; i < 300; i++) hash = mix(hash, target[i]);
            int sign = memcmp(target, source, (size_t)length + 1);
            hash = mix(hash, (uint64_t)(sign > 0) - (uint64_t)(sign < 0));
        }
    }
    printf("memory checksum %016llx\n", (unsigned long long)hash);
}

static void string_functions(void)
{
    char buffer[128], copy[128];
    strcpy(buffer, "The quick brown fox jumps over the lazy dog");
    printf("strlen %zu strnlen %zu\n", strlen(buffer), strnlen(buffer, 10));
    printf("strchr %s | strrchr %s | strstr %s | strpbrk %s\n", strchr(buffer, 'q'), strrchr(buffer, 'o'),
           strstr(buffer, "over"), strpbrk(buffer, "xyz"));
    printf("strspn %zu strcspn %zu strcasecmp %d strncasecmp %d\n", strspn(buffer, "The "),
           strcspn(buffer, "aeiou"), strcasecmp("HeLLo", "hello") == 0, strncasecmp("abcX", "ABCy", 3) == 0);
    printf("strcmp %d %d %d strncmp %d\n", strcmp("abc", "abd") < 0, strcmp("b", "a") > 0, strcmp("", ""),
           strncmp("abcdef", "abcxyz", 3));
    strcpy(copy, buffer);
    strcat(copy, "!");
    size_t marks = strlen(copy) % 3 + 2;
    strncat(copy, "??????", marks);
    char *end = stpcpy(copy + strlen(copy), " end");
    printf("concat \"%s\" stpcpy end offset %td\n", copy, end - copy);
    char *saved, *token;
    int count = 0;
    for (token = strtok_r(buffer, " ", &saved); token; token = strtok_r(NULL, " ", &saved))
    {
        printf("%stoken%d=%s", count ? " " : "", count, token);
        count++;
    }
    printf("\n");
    char fields[] = "a,b,,c";
    char *cursor = fields;
    while ((token = strsep(&cursor, ",")) != NULL) printf("[%s]", token);
    printf("\n");
    char *dup = strdup("duplicate me"), *ndup = strndup("duplicate me", 4);
    printf("strdup %s strndup %s ffs %d %d strverscmp %d\n", dup, ndup, ffs(0x50), ffsll(1LL << 40),
           strverscmp("file9", "file10") < 0);
    free(dup);
    free(ndup);
    uint64_t hash = 0xcbf29ce484222325ULL;
    for (int length = 0; length < 100; length++) {
        char text[128];
        for (int i = 0; i < length; i++) text[i] = (char)('a' + (i * 7 + length) % 26);
        text[length] = '\0';
        for (int offset = 0; offset < 8 && offset <= length; offset++) {
            hash = mix(hash, strlen(text + offset));
            const char *z = strchr(text + offset, 'z');
            hash = mix(hash, z ? (uint64_t)(z - text) : 777);
            hash = mix(hash, (uint64_t)(strcmp(text + offset, text) > 0));
        }
    }
    printf("string checksum %016llx\n", (unsigned long long)hash);
}

static void number_parsing(void)
{
    static const char *inputs[] = {"0", "-0", "42", "  -17xyz", "0x1fZ", "0777", "9223372036854775807",
                                   "9223372036854775808", "-9223372036854775809", "18446744073709551615",
                                   "18446744073709551616", "z", "+", "-1"};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        char *end;
        errno = 0;
        long long value = strtoll(inputs[i], &end, 0);
        int err = errno;
        errno = 0;
        unsigned long long unsigned_value = strtoull(inputs[i], NULL, 10);
        printf("\"%s\": strtoll %lld errno %d end +%td strtoull %llu errno %d atoi %d strtol36 %ld\n", inputs[i],
               value, err, end - inputs[i], unsigned_value, errno, atoi(inputs[i]), strtol(inputs[i], NULL, 36));
    }
    printf("abs %d labs %ld llabs %lld div %d %d\n", abs(-5), labs(-6L), llabs(-7LL), div(-17, 5).quot,
           div(-17, 5).rem);
}

int main(void)
{
    ctype_table();
    memory_functions();
    string_functions();
    number_parsing();
    return 0;
}
