/*
 * printf.c: a small printf family for guest programs. One formatter writes into a sink that is either a
 * caller's string (snprintf) or a 128-byte buffer flushed to a file descriptor with write() (printf).
 * Supported: %d %i %u %x %X %p %s %c %%, length modifiers l ll z, flags '-' and '0', width (digits or *).
 */
#include "tinyrv.h"

struct sink {
    int fd;            /* >= 0: flush to this fd; < 0: format into text */
    char *text;        /* string destination (snprintf) */
    size_t capacity;   /* size of text, including room for the NUL */
    size_t length;     /* bytes formatted so far, also those that did not fit */
    size_t buffered;   /* bytes waiting in pending (fd sinks) */
    char pending[128];
};

static void flush(struct sink *sink) {
    size_t done = 0;
    while (done < sink->buffered) {
        long written = write(sink->fd, sink->pending + done, sink->buffered - done);
        if (written <= 0) break;
        done += (size_t)written;
    }
    sink->buffered = 0;
}

static void put(struct sink *sink, char character) {
    if (sink->fd >= 0) {
        if (sink->buffered == sizeof sink->pending) flush(sink);
        sink->pending[sink->buffered++] = character;
    } else if (sink->length + 1 < sink->capacity) {
        sink->text[sink->length] = character;
    }
    sink->length++;
}

static void put_repeated(struct sink *sink, char character, int count) {
    while (count-- > 0) put(sink, character);
}

/* Emits `digits` (already formatted, sign separate) padded to `width`. */
static void put_field(struct sink *sink, const char *sign, const char *digits, size_t digit_count,
                      int width, int left_justify, int zero_pad) {
    int sign_length = (int)strlen(sign);
    int padding = width - sign_length - (int)digit_count;
    if (!left_justify && !zero_pad) put_repeated(sink, ' ', padding);
    for (const char *s = sign; *s; s++) put(sink, *s);
    if (!left_justify && zero_pad) put_repeated(sink, '0', padding);
    for (size_t i = 0; i < digit_count; i++) put(sink, digits[i]);
    if (left_justify) put_repeated(sink, ' ', padding);
}

static size_t format_unsigned(char *out_end, unsigned long long value, unsigned base, int upper) {
    const char *symbols = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    size_t count = 0;
    do {
        *--out_end = symbols[value % base];
        value /= base;
        count++;
    } while (value);
    return count;
}

static void format(struct sink *sink, const char *format_text, va_list args) {
    for (const char *p = format_text; *p; p++) {
        if (*p != '%') {
            put(sink, *p);
            continue;
        }
        p++;
        int left_justify = 0, zero_pad = 0, width = 0, longness = 0;
        for (;; p++) {
            if (*p == '-') left_justify = 1;
            else if (*p == '0') zero_pad = 1;
            else break;
        }
        if (*p == '*') {
            width = va_arg(args, int);
            if (width < 0) left_justify = 1, width = -width;
            p++;
        } else {
            while (*p >= '0' && *p <= '9') width = width * 10 + (*p++ - '0');
        }
        for (;; p++) {
            if (*p == 'l') longness++;
            else if (*p == 'z') longness = 2;
            else break;
        }
        if (left_justify) zero_pad = 0;
        char digits[24];
        char *end = digits + sizeof digits;
        switch (*p) {
        case 'd':
        case 'i': {
            long long value = longness ? va_arg(args, long long) : va_arg(args, int);
            unsigned long long magnitude = value < 0 ? 0ULL - (unsigned long long)value : (unsigned long long)value;
            size_t count = format_unsigned(end, magnitude, 10, 0);
            put_field(sink, value < 0 ? "-" : "", end - count, count, width, left_justify, zero_pad);
            break;
        }
        case 'u':
        case 'x':
        case 'X': {
            unsigned long long value =
                longness ? va_arg(args, unsigned long long) : va_arg(args, unsigned int);
            size_t count = format_unsigned(end, value, *p == 'u' ? 10 : 16, *p == 'X');
            put_field(sink, "", end - count, count, width, left_justify, zero_pad);
            break;
        }
        case 'p': {
            uintptr_t value = (uintptr_t)va_arg(args, void *);
            size_t count = format_unsigned(end, value, 16, 0);
            put_field(sink, "0x", end - count, count, width, left_justify, zero_pad);
            break;
        }
        case 's': {
            const char *text = va_arg(args, const char *);
            if (!text) text = "(null)";
            put_field(sink, "", text, strlen(text), width, left_justify, 0);
            break;
        }
        case 'c': {
            char character = (char)va_arg(args, int);
            put_field(sink, "", &character, 1, width, left_justify, 0);
            break;
        }
        case '%':
            put(sink, '%');
            break;
        case '\0':
            return;
        default:
            put(sink, '%');
            put(sink, *p);
            break;
        }
    }
}

int vdprintf(int fd, const char *format_text, va_list args) {
    struct sink sink = {.fd = fd};
    format(&sink, format_text, args);
    flush(&sink);
    return (int)sink.length;
}

int dprintf(int fd, const char *format_text, ...) {
    va_list args;
    va_start(args, format_text);
    int length = vdprintf(fd, format_text, args);
    va_end(args);
    return length;
}

int printf(const char *format_text, ...) {
    va_list args;
    va_start(args, format_text);
    int length = vdprintf(1, format_text, args);
    va_end(args);
    return length;
}

int vsnprintf(char *buffer, size_t size, const char *format_text, va_list args) {
    struct sink sink = {.fd = -1, .text = buffer, .capacity = size};
    format(&sink, format_text, args);
    if (size) buffer[sink.length < size ? sink.length : size - 1] = '\0';
    return (int)sink.length;
}

int snprintf(char *buffer, size_t size, const char *format_text, ...) {
    va_list args;
    va_start(args, format_text);
    int length = vsnprintf(buffer, size, format_text, args);
    va_end(args);
    return length;
}

int puts(const char *text) {
    size_t length = strlen(text);
    long written = write(1, text, length);
    if (written < 0) return (int)written;
    long newline = write(1, "\n", 1);
    if (newline < 0) return (int)newline;
    return (int)(written + newline);
}
