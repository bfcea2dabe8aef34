/*
 * string.c: the string and memory functions of tinyrv.h. GCC may emit calls to memset, memcpy and
 * memmove even under -ffreestanding -fno-builtin, so they must exist; guest.mk compiles everything with
 * -fno-tree-loop-distribute-patterns so these loops are not turned back into calls to themselves.
 */
#include "tinyrv.h"

void *memset(void *destination, int byte, size_t count) {
    unsigned char *out = destination;
    while (count--) *out++ = (unsigned char)byte;
    return destination;
}

void *memcpy(void *restrict destination, const void *restrict source, size_t count) {
    unsigned char *out = destination;
    const unsigned char *in = source;
    while (count--) *out++ = *in++;
    return destination;
}

void *memmove(void *destination, const void *source, size_t count) {
    unsigned char *out = destination;
    const unsigned char *in = source;
    if (out < in) {
        while (count--) *out++ = *in++;
    } else {
        while (count--) out[count] = in[count];
    }
    return destination;
}

int memcmp(const void *left, const void *right, size_t count) {
    const unsigned char *a = left, *b = right;
    for (size_t i = 0; i < count; i++)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

size_t strlen(const char *text) {
    size_t length = 0;
    while (text[length]) length++;
    return length;
}

int strcmp(const char *left, const char *right) {
    while (*left && *left == *right) left++, right++;
    return (unsigned char)*left - (unsigned char)*right;
}

int strncmp(const char *left, const char *right, size_t count) {
    for (; count; count--, left++, right++) {
        if (*left != *right) return (unsigned char)*left - (unsigned char)*right;
        if (!*left) return 0;
    }
    return 0;
}

char *strcpy(char *restrict destination, const char *restrict source) {
    char *out = destination;
    while ((*out++ = *source++)) continue;
    return destination;
}

char *strncpy(char *restrict destination, const char *restrict source, size_t count) {
    size_t i = 0;
    for (; i < count && source[i]; i++) destination[i] = source[i];
    for (; i < count; i++) destination[i] = 0;
    return destination;
}

char *strchr(const char *text, int character) {
    for (;; text++) {
        if (*text == (char)character) return (char *)text;
        if (!*text) return 0;
    }
}
