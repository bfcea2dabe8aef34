/* malloc, calloc, realloc and free under stress: pseudo-random sizes from small bins to mmap-sized blocks,
 * every block filled with a pattern and verified before it is resized or freed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 512
#define OPERATIONS 12000

struct slot {
    unsigned char *data;
    size_t size;
    unsigned char seed;
};

static uint64_t lcg_state = 42;

static uint32_t next_random(void)
{
    lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(lcg_state >> 33);
}

static size_t random_size(void)
{
    uint32_t kind = next_random() % 100;
    if (kind < 70) return 1 + next_random() % 128;
    if (kind < 95) return 129 + next_random() % 4000;
    if (kind < 99) return 4096 + next_random() % 60000;
    return 128 * 1024 + next_random() % (256 * 1024);
}

/* The patterned positions: every byte of the first 64 bytes of a block, then every 61st byte, which still
 * touches every page of a large block while keeping the run short on slow emulators. */
static size_t first_position_from(size_t from)
{
    return from < 64 ? from : 64 + (from - 64 + 60) / 61 * 61;
}

static size_t next_position(size_t i) { return i < 64 ? i + 1 : i + 61; }

static void fill(struct slot *slot, size_t from)
{
    for (size_t i = first_position_from(from); i < slot->size; i = next_position(i))
        slot->data[i] = (unsigned char)(slot->seed + i * 7);
}

static int intact(const struct slot *slot, size_t size)
{
    for (size_t i = 0; i < size; i = next_position(i))
        if (slot->data[i] != (unsigned char)(slot->seed + i * 7)) return 0;
    return 1;
}

int main(void)
{
    static struct slot slots[SLOTS];
    unsigned long mallocs = 0, reallocs = 0, frees = 0, callocs = 0, corrupt = 0, unzeroed = 0;
    uint64_t checksum = 0;
    for (int op = 0; op < OPERATIONS; op++) {
        struct slot *slot = &slots[next_random() % SLOTS];
        if (slot->data == NULL) {
            slot->size = random_size();
            slot->seed = (unsigned char)next_random();
            if (next_random() % 4 == 0) {
                slot->data = calloc(slot->size, 1);
                callocs++;
                for (size_t i = 0; i < slot->size; i = next_position(i)) unzeroed += slot->data[i] != 0;
            } else {
                slot->data = malloc(slot->size);
                mallocs++;
            }
            if (slot->data == NULL) { printf("allocation of %zu failed\n", slot->size); return 1; }
            fill(slot, 0);
            continue;
        }
        if (!intact(slot, slot->size)) corrupt++;
        checksum = checksum * 1099511628211ULL + slot->size + slot->data[(slot->size - 1) % 64];
        if (next_random() % 2 == 0) {
            free(slot->data);
            slot->data = NULL;
            frees++;
        } else {
            size_t old = slot->size, size = random_size();
            unsigned char *moved = realloc(slot->data, size);
            if (moved == NULL) { printf("realloc to %zu failed\n", size); return 1; }
            slot->data = moved;
            slot->size = size;
            if (!intact(slot, old < size ? old : size)) corrupt++;
            fill(slot, old < size ? old : size);
            reallocs++;
        }
    }
    size_t live = 0, bytes = 0;
    for (int i = 0; i < SLOTS; i++) {
        if (slots[i].data == NULL) continue;
        if (!intact(&slots[i], slots[i].size)) corrupt++;
        live++;
        bytes += slots[i].size;
        free(slots[i].data);
    }
    printf("malloc %lu calloc %lu realloc %lu free %lu live %zu bytes %zu\n", mallocs, callocs, reallocs, frees,
           live, bytes);
    printf("corrupt %lu unzeroed %lu checksum %016llx\n", corrupt, unzeroed, (unsigned long long)checksum);
    return corrupt != 0 || unzeroed != 0;
}
