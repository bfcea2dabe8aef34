/* C11 atomics, single-threaded: fetch_add/sub/or/and/xor, compare_exchange (strong and weak, success and
 * failure), exchange, load/store with each memory order, on 8-, 16-, 32- and 64-bit objects, and atomic_flag. */
#include <inttypes.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

#define EXERCISE(type, fmt, start)                                                                            \
    do {                                                                                                      \
        _Atomic type value = (type)(start);                                                                   \
        type old, expected;                                                                                   \
        old = atomic_fetch_add(&value, (type)5);                                                              \
        printf(#type " fetch_add old %" fmt " now %" fmt "\n", old, atomic_load(&value));                     \
        old = atomic_fetch_sub_explicit(&value, (type)7, memory_order_acq_rel);                               \
        printf(#type " fetch_sub old %" fmt " now %" fmt "\n", old, atomic_load(&value));                     \
        old = atomic_fetch_or_explicit(&value, (type)0x50, memory_order_relaxed);                             \
        printf(#type " fetch_or old %" fmt " now %" fmt "\n", old, atomic_load(&value));                      \
        old = atomic_fetch_and_explicit(&value, (type)0x3c3c3c3c3c3c3c3cULL, memory_order_release);           \
        printf(#type " fetch_and old %" fmt " now %" fmt "\n", old, atomic_load(&value));                     \
        old = atomic_fetch_xor_explicit(&value, (type)-1, memory_order_seq_cst);                              \
        printf(#type " fetch_xor old %" fmt " now %" fmt "\n", old, atomic_load(&value));                     \
        old = atomic_exchange(&value, (type)0x7f);                                                            \
        printf(#type " exchange old %" fmt " now %" fmt "\n", old, atomic_load(&value));                      \
        expected = (type)1;                                                                                   \
        int ok = atomic_compare_exchange_strong(&value, &expected, (type)2);                                  \
        printf(#type " cas fail ok %d expected %" fmt " now %" fmt "\n", ok, expected, atomic_load(&value));  \
        ok = atomic_compare_exchange_strong(&value, &expected, (type)(expected + 1));                         \
        printf(#type " cas ok %d expected %" fmt " now %" fmt "\n", ok, expected, atomic_load(&value));       \
        expected = atomic_load_explicit(&value, memory_order_acquire);                                        \
        int tries = 0;                                                                                        \
        while (!atomic_compare_exchange_weak(&value, &expected, (type)(expected * 3)) && tries < 100) tries++; \
        printf(#type " cas weak now %" fmt " (spurious failures are fine, not printed)\n", atomic_load(&value)); \
        atomic_store_explicit(&value, (type)(start), memory_order_release);                                   \
        type sum = 0;                                                                                         \
        for (int i = 0; i < 1000; i++) sum += atomic_fetch_add_explicit(&value, (type)i, memory_order_relaxed); \
        printf(#type " loop sum %" fmt " final %" fmt "\n", sum, atomic_load(&value));                        \
    } while (0)

int main(void)
{
    EXERCISE(uint8_t, PRIu8, 250);
    EXERCISE(int16_t, PRId16, -30000);
    EXERCISE(uint32_t, PRIu32, 0xfffffff0u);
    EXERCISE(int32_t, PRId32, 0x7ffffff0);
    EXERCISE(uint64_t, PRIx64, 0xfffffffffffffff0ULL);
    EXERCISE(int64_t, PRId64, -5);

    atomic_flag flag = ATOMIC_FLAG_INIT;
    int first = atomic_flag_test_and_set(&flag);
    int second = atomic_flag_test_and_set(&flag);
    atomic_flag_clear(&flag);
    int third = atomic_flag_test_and_set(&flag);
    printf("flag %d %d %d\n", first, second, third);

    _Atomic(int *) pointer = NULL;
    static int cells[4];
    int *expected = NULL;
    int swapped = atomic_compare_exchange_strong(&pointer, &expected, &cells[2]);
    printf("pointer cas %d index %td\n", swapped, atomic_load(&pointer) - cells);
    atomic_thread_fence(memory_order_seq_cst);
    atomic_signal_fence(memory_order_seq_cst);
    printf("lock free: 1:%d 2:%d 4:%d 8:%d\n", ATOMIC_CHAR_LOCK_FREE, ATOMIC_SHORT_LOCK_FREE, ATOMIC_INT_LOCK_FREE,
           ATOMIC_LLONG_LOCK_FREE);
    return 0;
}
