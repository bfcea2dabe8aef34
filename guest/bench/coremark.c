/* CoreMark-like integer mix: linked-list processing (find, reverse, merge sort), small-matrix arithmetic,
 * a number-parsing state machine, and CRC16/CRC32 over the results. Every iteration's CRC feeds the next
 * seed, so the final checksum validates the whole run.
 * usage: coremark [SCALE]   (SCALE multiplies the default iteration count; default 1) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_ITERATIONS 10000
#define LIST_NODES 240
#define MATRIX_N 18
#define STATE_INPUT 320
/* Final CRC of the default run, fixed once from a native build; any other SCALE prints "unchecked". */
#define DEFAULT_FINAL_CRC 0x7ee8u

/* ---------- CRC ---------- */

static uint16_t crc16_byte(uint8_t data, uint16_t crc)
{
    for (int i = 0; i < 8; i++) {
        uint8_t x16 = (uint8_t)((data & 1) ^ ((uint8_t)crc & 1));
        data >>= 1;
        crc = x16 ? (uint16_t)(((crc ^ 0x4002) >> 1) | 0x8000) : (uint16_t)(crc >> 1);
    }
    return crc;
}

static uint16_t crc16_u32(uint32_t value, uint16_t crc)
{
    for (int i = 0; i < 4; i++) crc = crc16_byte((uint8_t)(value >> (8 * i)), crc);
    return crc;
}

static uint32_t crc32_table[256];

static void crc32_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc32_table[i] = c;
    }
}

static uint32_t crc32(const void *data, size_t size, uint32_t crc)
{
    const uint8_t *p = data;
    crc = ~crc;
    for (size_t i = 0; i < size; i++) crc = crc32_table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}

/* ---------- linked list ---------- */

struct node {
    struct node *next;
    int16_t data;
    int16_t index;
};

static struct node pool[LIST_NODES];

static struct node *list_build(uint16_t seed)
{
    struct node *head = NULL;
    for (int i = LIST_NODES - 1; i >= 0; i--) {
        pool[i].index = (int16_t)i;
        pool[i].data = (int16_t)(((i ^ seed) * 0x2f1) & 0x7fff);
        pool[i].next = head;
        head = &pool[i];
    }
    return head;
}

static struct node *list_reverse(struct node *list)
{
    struct node *reversed = NULL;
    while (list) {
        struct node *next = list->next;
        list->next = reversed;
        reversed = list;
        list = next;
    }
    return reversed;
}

static int by_data(const struct node *a, const struct node *b) { return a->data - b->data; }
static int by_index(const struct node *a, const struct node *b) { return a->index - b->index; }

/* Bottom-up merge sort of a singly linked list, as CoreMark's core_list_mergesort. */
static struct node *list_sort(struct node *list, int (*compare)(const struct node *, const struct node *))
{
    for (int width = 1;; width *= 2) {
        struct node *p = list, *tail = NULL;
        int merges = 0;
        list = NULL;
        while (p) {
            merges++;
            struct node *q = p;
            int psize = 0, qsize = width;
            for (int i = 0; i < width && q; i++) { psize++; q = q->next; }
            while (psize > 0 || (qsize > 0 && q)) {
                struct node *e;
                if (psize == 0) { e = q; q = q->next; qsize--; }
                else if (qsize == 0 || !q || compare(p, q) <= 0) { e = p; p = p->next; psize--; }
                else { e = q; q = q->next; qsize--; }
                if (tail) tail->next = e; else list = e;
                tail = e;
            }
            p = q;
        }
        tail->next = NULL;
        if (merges <= 1) return list;
    }
}

static uint16_t list_work(uint16_t seed, uint16_t crc)
{
    struct node *list = list_build(seed);
    list = list_reverse(list);
    int found = 0, missed = 0;
    for (int k = 0; k < 16; k++) {
        int16_t wanted = (int16_t)(((k * 37 + seed) * 0x2f1) & 0x7fff);
        struct node *n = list;
        while (n && n->data != wanted) n = n->next;
        if (n) { found++; crc = crc16_u32((uint32_t)n->index, crc); } else missed++;
    }
    list = list_sort(list, by_data);
    for (struct node *n = list; n; n = n->next) crc = crc16_u32((uint32_t)(uint16_t)n->data, crc);
    list = list_sort(list, by_index);
    int ordered = 1;
    for (struct node *n = list; n && n->next; n = n->next) ordered &= n->index < n->next->index;
    return crc16_u32((uint32_t)(found << 16 | missed << 1 | ordered), crc);
}

/* ---------- matrix ---------- */

static int16_t matrix_a[MATRIX_N][MATRIX_N], matrix_b[MATRIX_N][MATRIX_N];
static int32_t matrix_c[MATRIX_N][MATRIX_N];

static uint16_t matrix_work(uint16_t seed, uint16_t crc)
{
    for (int i = 0; i < MATRIX_N; i++)
        for (int j = 0; j < MATRIX_N; j++) {
            matrix_a[i][j] = (int16_t)((i * 31 + j * 17 + seed) % 199 - 99);
            matrix_b[i][j] = (int16_t)((i * 13 + j * 7 + (seed >> 3)) % 211 - 105);
        }
    int16_t constant = (int16_t)(seed | 0xf000);
    for (int i = 0; i < MATRIX_N; i++)
        for (int j = 0; j < MATRIX_N; j++) matrix_c[i][j] = (int32_t)matrix_a[i][j] * constant;
    for (int i = 0; i < MATRIX_N; i++)
        for (int j = 0; j < MATRIX_N; j++) crc = crc16_u32((uint32_t)matrix_c[i][j], crc);
    for (int i = 0; i < MATRIX_N; i++) {
        int32_t sum = 0;
        for (int j = 0; j < MATRIX_N; j++) sum += (int32_t)matrix_a[i][j] * matrix_b[j][i];
        crc = crc16_u32((uint32_t)sum, crc);
    }
    for (int i = 0; i < MATRIX_N; i++)
        for (int j = 0; j < MATRIX_N; j++) {
            int32_t sum = 0;
            for (int k = 0; k < MATRIX_N; k++) sum += (int32_t)matrix_a[i][k] * matrix_b[k][j];
            matrix_c[i][j] = sum;
        }
    uint32_t bits = 0;
    for (int i = 0; i < MATRIX_N; i++)
        for (int j = 0; j < MATRIX_N; j++) bits += ((uint32_t)matrix_c[i][j] >> 2) & 0xf;
    for (int i = 0; i < MATRIX_N; i++) matrix_a[i][i] = (int16_t)(matrix_a[i][i] + constant);
    return crc16_u32(bits, crc32(matrix_c, sizeof matrix_c, crc) & 0xffff);
}

/* ---------- state machine ---------- */

enum state { START, INVALID, S1, S2, INT, FLOAT, EXPONENT, SCIENTIFIC, STATES };

static enum state next_state(enum state s, char c)
{
    int digit = c >= '0' && c <= '9';
    switch (s) {
    case START:
        if (digit) return INT;
        if (c == '+' || c == '-') return S1;
        if (c == '.') return FLOAT;
        return INVALID;
    case S1:
        if (digit) return INT;
        if (c == '.') return FLOAT;
        return INVALID;
    case INT:
        if (c == '.') return FLOAT;
        return digit ? INT : INVALID;
    case FLOAT:
        if (c == 'E' || c == 'e') return S2;
        return digit ? FLOAT : INVALID;
    case S2:
        if (c == '+' || c == '-') return EXPONENT;
        return INVALID;
    case EXPONENT:
        return digit ? SCIENTIFIC : INVALID;
    case SCIENTIFIC:
        return digit ? SCIENTIFIC : INVALID;
    default:
        return INVALID;
    }
}

static char state_input[STATE_INPUT + 1];

static uint16_t state_work(uint16_t seed, uint16_t crc)
{
    static const char *patterns[] = {"50120417", "12340000", "-8745532", "+1220099", "35.54400", ".1234500", "-110.700",
                                     "+0.64400", "5.500e+3", "-.123e-2", "-87e+832", "+0.6e-12", "T0.3e-1F",
                                     "-T.T++Tq", "1T3.4e4z", "34.0e-T^"};
    size_t at = 0;
    for (int k = 0; at + 9 <= STATE_INPUT; k++) {
        memcpy(state_input + at, patterns[(k * 5 + seed) & 15], 8);
        state_input[at + 8] = ',';
        at += 9;
    }
    state_input[at] = '\0';
    unsigned finals[STATES] = {0}, transitions[STATES] = {0};
    for (int pass = 0; pass < 2; pass++) {
        const char *p = state_input;
        while (*p) {
            enum state s = START;
            while (*p && *p != ',') {
                enum state t = next_state(s, *p);
                if (t != s) transitions[t]++;
                s = t;
                if (s == INVALID) break;
                p++;
            }
            while (*p && *p != ',') p++;
            if (*p) p++;
            finals[s]++;
        }
        /* Second pass over a corrupted copy, as CoreMark does. */
        for (size_t i = seed % 7; i < at; i += 7) state_input[i] ^= (char)(seed & 0x3);
    }
    for (int i = 0; i < STATES; i++) crc = crc16_u32(finals[i] << 16 | transitions[i], crc);
    return crc;
}

int main(int argc, char **argv)
{
    double scale = argc > 1 ? atof(argv[1]) : 1.0;
    long iterations = (long)(DEFAULT_ITERATIONS * scale);
    if (iterations < 1) iterations = 1;
    crc32_init();
    uint16_t crc = 0, list_crc = 0, matrix_crc = 0, state_crc = 0;
    for (long i = 0; i < iterations; i++) {
        uint16_t seed = (uint16_t)(i * 0x9E37u ^ crc);
        list_crc = list_work(seed, list_crc);
        matrix_crc = matrix_work(seed, matrix_crc);
        state_crc = state_work(seed, state_crc);
        crc = crc16_u32((uint32_t)list_crc << 16 | matrix_crc, crc16_u32(state_crc, crc));
    }
    const char *verdict = iterations != DEFAULT_ITERATIONS ? "unchecked"
                          : crc == DEFAULT_FINAL_CRC         ? "valid"
                                                             : "INVALID";
    printf("coremark-like: %ld iterations list %04x matrix %04x state %04x final crc %04x (%s)\n", iterations,
           list_crc, matrix_crc, state_crc, crc, verdict);
    return verdict[0] == 'I';
}
