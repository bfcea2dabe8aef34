# A small CPU-bound script: primes by sieve, Collatz chains, fractions, dict/set work, json and hashlib.
# The optional argument scales the work (default 1, what the differential suite runs; `make bench` uses more).
import hashlib
import json
import sys
from fractions import Fraction

scale = int(sys.argv[1]) if len(sys.argv) > 1 else 1

def sieve(n):
    flags = bytearray([1]) * (n + 1)
    flags[0:2] = b"\0\0"
    for i in range(2, int(n ** 0.5) + 1):
        if flags[i]:
            flags[i * i::i] = bytes(len(flags[i * i::i]))
    return [i for i, f in enumerate(flags) if f]

def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

primes = sieve(2000 * scale)
print(len(primes), primes[-3:])
longest = max(range(1, 300 * scale), key=collatz)
print("longest collatz below", 300 * scale, ":", longest, collatz(longest))
harmonic = sum(Fraction(1, k) for k in range(1, 20))
print("H(19) =", harmonic)
words = "the quick brown fox jumps over the lazy dog the end".split()
print(json.dumps({w: words.count(w) for w in sorted(set(words))}, sort_keys=True))
print(hashlib.sha256(b"tinyrv").hexdigest())
