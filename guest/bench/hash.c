/* Hashing: SHA-256 (FIPS 180-4), FNV-1a 64 and a murmur3-style 64-bit block hash over a generated buffer.
 * SHA-256 is checked against the standard "abc" test vector before the run.
 * usage: hash [SCALE]   (SCALE multiplies the number of passes over the 1 MiB buffer; default 1 = 160) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUFFER_SIZE (1u << 20)
#define DEFAULT_PASSES 160

struct sha256 {
    uint32_t h[8];
    uint8_t block[64];
    size_t used;
    uint64_t length;
};

static const uint32_t k256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void sha256_block(uint32_t h[8], const uint8_t *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k256[i] + w[i];
        uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static void sha256_init(struct sha256 *s)
{
    static const uint32_t initial[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(s->h, initial, sizeof initial);
    s->used = 0;
    s->length = 0;
}

static void sha256_update(struct sha256 *s, const uint8_t *data, size_t size)
{
    s->length += size;
    while (size > 0) {
        if (s->used == 0 && size >= 64) {
            sha256_block(s->h, data);
            data += 64;
            size -= 64;
            continue;
        }
        size_t take = 64 - s->used < size ? 64 - s->used : size;
        memcpy(s->block + s->used, data, take);
        s->used += take;
        data += take;
        size -= take;
        if (s->used == 64) { sha256_block(s->h, s->block); s->used = 0; }
    }
}

static void sha256_final(struct sha256 *s, uint8_t digest[32])
{
    uint64_t bits = s->length * 8;
    uint8_t pad = 0x80, zero = 0, length[8];
    sha256_update(s, &pad, 1);
    while (s->used != 56) sha256_update(s, &zero, 1);
    for (int i = 0; i < 8; i++) length[i] = (uint8_t)(bits >> (56 - 8 * i));
    sha256_update(s, length, 8);
    for (int i = 0; i < 32; i++) digest[i] = (uint8_t)(s->h[i / 4] >> (24 - 8 * (i % 4)));
}

static void hex(const uint8_t *digest, char out[65])
{
    for (int i = 0; i < 32; i++) sprintf(out + 2 * i, "%02x", digest[i]);
}

static uint64_t fnv1a(const uint8_t *p, size_t size, uint64_t hash)
{
    for (size_t i = 0; i < size; i++) hash = (hash ^ p[i]) * 0x100000001b3ULL;
    return hash;
}

static uint64_t fmix64(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    return k ^ (k >> 33);
}

static uint64_t murmur_like(const uint8_t *p, size_t size, uint64_t seed)
{
    uint64_t h = seed;
    for (size_t i = 0; i + 8 <= size; i += 8) {
        uint64_t k;
        memcpy(&k, p + i, 8);
        k *= 0x87c37b91114253d5ULL;
        k = (k << 31) | (k >> 33);
        k *= 0x4cf5ad432745937fULL;
        h ^= k;
        h = ((h << 27) | (h >> 37)) * 5 + 0x52dce729;
    }
    return fmix64(h ^ size);
}

int main(int argc, char **argv)
{
    double scale = argc > 1 ? atof(argv[1]) : 1.0;
    long passes = (long)(DEFAULT_PASSES * scale);
    if (passes < 1) passes = 1;

    struct sha256 s;
    uint8_t digest[32];
    char text[65];
    sha256_init(&s);
    sha256_update(&s, (const uint8_t *)"abc", 3);
    sha256_final(&s, digest);
    hex(digest, text);
    int vector_ok = strcmp(text, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") == 0;

    uint8_t *buffer = malloc(BUFFER_SIZE);
    if (!buffer) { printf("out of memory\n"); return 1; }
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    for (size_t i = 0; i < BUFFER_SIZE; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        buffer[i] = (uint8_t)(x >> 24);
    }
    uint64_t fnv = 0xcbf29ce484222325ULL, murmur = 0;
    sha256_init(&s);
    for (long pass = 0; pass < passes; pass++) {
        buffer[pass % BUFFER_SIZE] ^= (uint8_t)pass;
        sha256_update(&s, buffer, BUFFER_SIZE);
        fnv = fnv1a(buffer, BUFFER_SIZE / 2, fnv);
        murmur = murmur_like(buffer, BUFFER_SIZE, murmur);
    }
    sha256_final(&s, digest);
    hex(digest, text);
    printf("hash: %ld MiB sha256 %s fnv1a %016llx murmur %016llx (%s)\n", passes, text, (unsigned long long)fnv,
           (unsigned long long)murmur, vector_ok ? "test vector ok" : "TEST VECTOR FAILED");
    free(buffer);
    return !vector_ok;
}
