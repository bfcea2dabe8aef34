/*
 * malloc-test: malloc, calloc, realloc and free over sbrk. Blocks of many sizes are 16-byte aligned,
 * never overlap (each keeps its own pattern), calloc memory is zero, realloc keeps the old contents,
 * and freed memory is reused instead of growing the heap forever.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\n");

#define BLOCKS 64

static unsigned char pattern(int block, size_t offset) { return (unsigned char)(block * 31 + offset * 7 + 1); }

static void fill(unsigned char *block, int id, size_t size) {
    for (size_t i = 0; i < size; i++) block[i] = pattern(id, i);
}

static void verify(const unsigned char *block, int id, size_t size) {
    for (size_t i = 0; i < size; i++) CHECK_EQ(block[i], pattern(id, i));
}

int main(void) {
    unsigned char *blocks[BLOCKS];
    size_t sizes[BLOCKS];
    for (int i = 0; i < BLOCKS; i++) {
        sizes[i] = (size_t)(i * i * 13 % 5000) + (i % 3 == 0 ? 9000 : 1);
        blocks[i] = malloc(sizes[i]);
        CHECK(blocks[i] != 0);
        CHECK_EQ((uintptr_t)blocks[i] % 16, 0);
        fill(blocks[i], i, sizes[i]);
    }
    for (int i = 0; i < BLOCKS; i++) verify(blocks[i], i, sizes[i]);

    for (int i = 0; i < BLOCKS; i += 2) free(blocks[i]);
    for (int i = 1; i < BLOCKS; i += 2) verify(blocks[i], i, sizes[i]);
    for (int i = 0; i < BLOCKS; i += 2) {
        blocks[i] = malloc(sizes[i]);
        CHECK(blocks[i] != 0);
        fill(blocks[i], i, sizes[i]);
    }
    for (int i = 0; i < BLOCKS; i++) verify(blocks[i], i, sizes[i]);

    for (int i = 0; i < BLOCKS; i++) {
        size_t grown = sizes[i] * 2 + 40;
        blocks[i] = realloc(blocks[i], grown);
        CHECK(blocks[i] != 0);
        verify(blocks[i], i, sizes[i]);
        fill(blocks[i], i, grown);
        sizes[i] = grown;
    }
    for (int i = 0; i < BLOCKS; i++) verify(blocks[i], i, sizes[i]);

    unsigned long *zeros = calloc(1000, sizeof(unsigned long));
    CHECK(zeros != 0);
    for (int i = 0; i < 1000; i++) CHECK_EQ(zeros[i], 0);
    free(zeros);

    for (int i = 0; i < BLOCKS; i++) free(blocks[i]);
    long heap_end = sbrk(0);
    for (int round = 0; round < 100; round++) {
        void *block = malloc(20000);
        CHECK(block != 0);
        memset(block, round, 20000);
        free(block);
    }
    CHECK_EQ(sbrk(0), heap_end);

    CHECK(malloc(1UL << 40) == 0);
    CHECK(realloc(0, 10) != 0);
    CHECK(realloc(malloc(10), 0) == 0);
    return 0;
}
