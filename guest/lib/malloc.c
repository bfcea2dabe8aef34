/*
 * malloc.c: malloc, free, calloc and realloc over sbrk (tinyrv.h).
 *
 * Every block has a 16-byte header (payload size, next free block) followed by a 16-byte aligned
 * payload. Free blocks sit in one list sorted by address; allocation is first fit with splitting, and
 * free coalesces a block with its free neighbours. When no block fits, the heap grows with sbrk by
 * whole pages; the new memory directly follows the old, so it coalesces with a free block at the end.
 * Memory is never returned to the kernel.
 */
#include "tinyrv.h"

struct block {
    size_t size;        /* payload bytes, a multiple of 16 */
    struct block *next; /* next free block by address (only while free) */
};

#define HEADER_SIZE sizeof(struct block)
#define ALIGNMENT 16UL
#define LARGEST_REQUEST (1UL << 36)

static struct block *free_list;

static size_t round_up(size_t value, size_t unit) { return (value + unit - 1) & ~(unit - 1); }

static void *payload(struct block *block) { return block + 1; }

static char *block_end(struct block *block) { return (char *)payload(block) + block->size; }

/* Puts a block into the address-ordered free list, merging it with adjacent free blocks. */
static void insert_free(struct block *block) {
    struct block *previous = 0, *next = free_list;
    while (next && next < block) previous = next, next = next->next;
    block->next = next;
    if (next && block_end(block) == (char *)next) {
        block->size += HEADER_SIZE + next->size;
        block->next = next->next;
    }
    if (previous && block_end(previous) == (char *)block) {
        previous->size += HEADER_SIZE + block->size;
        previous->next = block->next;
    } else if (previous) {
        previous->next = block;
    } else {
        free_list = block;
    }
}

/* Grows the heap by enough whole pages for a payload of `size` bytes; false when sbrk fails. */
static int grow_heap(size_t size) {
    long current = sbrk(0);
    if (TINYRV_IS_ERROR(current)) return 0;
    size_t padding = (size_t)(-current) & (ALIGNMENT - 1);
    size_t total = round_up(padding + HEADER_SIZE + size, PAGE_SIZE);
    long old_break = sbrk((long)total);
    if (TINYRV_IS_ERROR(old_break) || old_break != current) return 0;
    struct block *block = (struct block *)(old_break + padding);
    block->size = total - padding - HEADER_SIZE;
    insert_free(block);
    return 1;
}

/* First fit: unlinks and returns a free block of at least `size` bytes, split if much larger. */
static struct block *take_free(size_t size) {
    struct block **link = &free_list;
    for (struct block *block = free_list; block; link = &block->next, block = block->next) {
        if (block->size < size) continue;
        if (block->size >= size + HEADER_SIZE + ALIGNMENT) {
            struct block *rest = (struct block *)((char *)payload(block) + size);
            rest->size = block->size - size - HEADER_SIZE;
            rest->next = block->next;
            block->size = size;
            *link = rest;
        } else {
            *link = block->next;
        }
        return block;
    }
    return 0;
}

void *malloc(size_t size) {
    if (size > LARGEST_REQUEST) return 0;
    size = round_up(size ? size : 1, ALIGNMENT);
    struct block *block = take_free(size);
    if (!block && grow_heap(size)) block = take_free(size);
    return block ? payload(block) : 0;
}

void free(void *pointer) {
    if (pointer) insert_free((struct block *)pointer - 1);
}

void *calloc(size_t count, size_t size) {
    if (size && count > LARGEST_REQUEST / size) return 0;
    void *pointer = malloc(count * size);
    if (pointer) memset(pointer, 0, count * size);
    return pointer;
}

void *realloc(void *pointer, size_t size) {
    if (!pointer) return malloc(size);
    if (!size) {
        free(pointer);
        return 0;
    }
    struct block *block = (struct block *)pointer - 1;
    if (block->size >= size) return pointer;
    void *moved = malloc(size);
    if (!moved) return 0;
    memcpy(moved, pointer, block->size);
    free(pointer);
    return moved;
}
