/*
 * tinyrv.h: the one header for tinyrv guest programs (freestanding, rv64imac, no libc).
 *
 * It declares the runtime in guest/lib: crt0, the syscall wrappers (Linux riscv64 numbers plus the
 * tinyrv-specific sbrk 2000 and info 2001 of design.md), a small printf, string functions, malloc over
 * sbrk, and the helpers every test in guest/tests uses: CHECK, CHECK_EQ and TINYRV_EXPECT.
 *
 * Syscall wrappers return the raw kernel result: a value >= 0 on success, -errno on failure
 * (e.g. -EFAULT). There is no errno variable.
 */
#ifndef TINYRV_H
#define TINYRV_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* ---- Address-space constants (design.md, Memory) ---- */

#define PAGE_SIZE 4096UL
/* The stack region is [USTACK_UPPERBOUND - USTACK_PAGES * PAGE_SIZE, USTACK_UPPERBOUND). */
#define USTACK_UPPERBOUND 0x3FFFFFF000UL
/* Default stack size in pages; `tinyrv run --stack-pages N` changes it. */
#define USTACK_PAGES 10UL
/* End of user space: the low half of Sv39. Every address at or above it is not a user address. */
#define USER_SPACE_END 0x4000000000UL
/* A canonical Sv39 address in the kernel half; never accessible from user mode. */
#define KERNEL_HALF_ADDRESS 0xFFFFFFC000000000UL

/* ---- errno values returned as -errno (Linux asm-generic) ---- */

#define EBADF 9
#define EFAULT 14
#define ENOMEM 12
#define EINVAL 22
#define ENOSYS 38

/* ---- Syscall numbers ---- */

#define SYS_read 63
#define SYS_write 64
#define SYS_writev 66
#define SYS_exit 93
#define SYS_exit_group 94
#define SYS_getpid 172
#define SYS_brk 214
#define SYS_tinyrv_sbrk 2000
#define SYS_tinyrv_info 2001

/* Raw ecall: a7 = number, a0..a5 = arguments; returns a0 (>= 0, or -errno). */
static inline long tinyrv_syscall(long number, long arg0, long arg1, long arg2, long arg3, long arg4,
                                  long arg5) {
    register long a7 __asm__("a7") = number;
    register long a0 __asm__("a0") = arg0;
    register long a1 __asm__("a1") = arg1;
    register long a2 __asm__("a2") = arg2;
    register long a3 __asm__("a3") = arg3;
    register long a4 __asm__("a4") = arg4;
    register long a5 __asm__("a5") = arg5;
    __asm__ volatile("ecall"
                     : "+r"(a0)
                     : "r"(a7), "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5)
                     : "memory");
    return a0;
}

/* True when a raw syscall result is an error (-4095..-1). */
#define TINYRV_IS_ERROR(result) ((unsigned long)(long)(result) >= (unsigned long)-4095L)

/* ---- Syscall wrappers (guest/lib/syscalls.c) ---- */

/* read(63): bytes read (0 at end of file), or -EFAULT for a bad buffer, -errno otherwise. */
long read(int fd, void *buffer, unsigned long count);
/* write(64): bytes written, or -EFAULT for a bad buffer (nothing is written), -errno otherwise. */
long write(int fd, const void *buffer, unsigned long count);
/* One buffer of writev. */
struct iovec {
    void *iov_base;
    size_t iov_len;
};
/* writev(66): writes each buffer in turn; the total bytes written, or -errno (-EFAULT, -EINVAL). */
long writev(int fd, const struct iovec *buffers, int count);
/* exit(93): ends the process with status & 0xff. Never returns. */
__attribute__((noreturn)) void exit(int status);
/* exit_group(94): same as exit for a single-threaded process. Never returns. */
__attribute__((noreturn)) void exit_group(int status);
/* getpid(172): the process id (> 0). */
long getpid(void);
/* brk(214), Linux semantics: sets the break to `address` when possible and returns the break in force
 * afterwards; brk(0) returns the current break. */
long brk(void *address);
/* sbrk(2000), tinyrv: moves the end of the heap by `increment` bytes and returns the old break, or
 * -EINVAL (the end would go below the heap's start) or -ENOMEM (the heap would overlap another region
 * or leave user space). On error the heap is unchanged. sbrk(0) returns the current break. */
long sbrk(long increment);

/* The 64 bytes that info(2001) fills: eight uint64 counters, num_pgfault at offset 0. The reserved
 * counters are documented by the kernel as it defines them; unused ones read 0. */
struct tinyrv_info {
    uint64_t num_pgfault; /* user-mode page faults this process took (handled by the kernel) */
    uint64_t reserved[7];
};
_Static_assert(sizeof(struct tinyrv_info) == 64, "info fills exactly 64 bytes");

/* info(2001), tinyrv: fills *out; returns 0, or -EFAULT when out is not 64 writable user bytes. */
long info(struct tinyrv_info *out);
/* Convenience: this process's page-fault count so far (calls info on a stack buffer). */
uint64_t page_fault_count(void);

/* ---- Output (guest/lib/printf.c) ---- */
/* Formats: %d %i %u %x %X %p %s %c %%, length modifiers l ll z, flags - 0, a field width (number or
 * *). The output is written with write(); the result is the number of bytes formatted. */

int printf(const char *format, ...) __attribute__((format(printf, 1, 2)));
int dprintf(int fd, const char *format, ...) __attribute__((format(printf, 2, 3)));
int vdprintf(int fd, const char *format, va_list args);
/* Writes at most size-1 bytes plus a NUL into buffer; returns the length the whole output needs. */
int snprintf(char *buffer, size_t size, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
int vsnprintf(char *buffer, size_t size, const char *format, va_list args);
/* Writes the string and a newline to fd 1; returns the bytes written or -errno. */
int puts(const char *text);

/* ---- Strings and memory (guest/lib/string.c) ---- */

void *memset(void *destination, int byte, size_t count);
void *memcpy(void *restrict destination, const void *restrict source, size_t count);
void *memmove(void *destination, const void *source, size_t count);
int memcmp(const void *left, const void *right, size_t count);
size_t strlen(const char *text);
int strcmp(const char *left, const char *right);
int strncmp(const char *left, const char *right, size_t count);
char *strcpy(char *restrict destination, const char *restrict source);
char *strncpy(char *restrict destination, const char *restrict source, size_t count);
char *strchr(const char *text, int character);

/* ---- Heap (guest/lib/malloc.c): a first-fit free list over sbrk, 16-byte aligned ---- */

/* Returns NULL when sbrk fails. malloc(0) returns a unique pointer. */
void *malloc(size_t size);
/* free(NULL) does nothing. */
void free(void *pointer);
void *calloc(size_t count, size_t size);
/* realloc(NULL, n) is malloc(n); realloc(p, 0) frees p and returns NULL. */
void *realloc(void *pointer, size_t size);

/* ---- Start-up state (guest/lib/crt0.S) ---- */

extern char **environ;
/* The sp the kernel handed to _start (points at argc). */
extern uintptr_t tinyrv_initial_sp;

/* ---- Test helpers ---- */

__attribute__((noreturn)) void tinyrv_check_failed(const char *file, int line, const char *condition);
__attribute__((noreturn)) void tinyrv_check_equal_failed(const char *file, int line, const char *left,
                                                         const char *right, long left_value,
                                                         long right_value);

/* CHECK(cond): when cond is false, prints "CHECK failed: file:line: cond" on stderr and exits 1. */
#define CHECK(condition)                                                     \
    do {                                                                     \
        if (!(condition)) tinyrv_check_failed(__FILE__, __LINE__, #condition); \
    } while (0)

/* CHECK_EQ(a, b): as CHECK(a == b), also printing both values (as long, decimal and hex). */
#define CHECK_EQ(left, right)                                                            \
    do {                                                                                 \
        long tinyrv_left_ = (long)(left), tinyrv_right_ = (long)(right);                 \
        if (tinyrv_left_ != tinyrv_right_)                                               \
            tinyrv_check_equal_failed(__FILE__, __LINE__, #left, #right, tinyrv_left_,    \
                                      tinyrv_right_);                                    \
    } while (0)

/*
 * TINYRV_EXPECT("status=0\nstdout=hello\\n\n") declares the test's expected outcome. The text goes,
 * without a terminating NUL, into the ELF section ".tinyrv_expect", which `tinyrv test` reads by name.
 * guest.mk clears the section's alloc flag, so it is never loaded into guest memory.
 * Lines of key=value:
 *   status=N         required: the exact exit status of `tinyrv run` (kills as in design.md)
 *   stdout=TEXT      optional: the exact whole stdout; escapes \n \t \\ allowed
 *   stderr~=TEXT     optional, repeatable: a substring stderr must contain
 *   args=a b c       optional: argv after argv[0]
 *   options=...      optional: extra `tinyrv run` options, e.g. --stack-pages 12
 * Use it once per program, at file scope.
 */
#define TINYRV_EXPECT(text)                                                      \
    __attribute__((section(".tinyrv_expect"), used, aligned(1))) static const char \
        tinyrv_expect_[sizeof(text) - 1] = text

#endif
