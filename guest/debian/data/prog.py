# A deterministic CPU-bound mix of what Python programs do: numbers, strings, dicts, classes, exceptions.
import hashlib, json, re, zlib
from collections import Counter
from fractions import Fraction


class Account:
    def __init__(self, name, balance):
        self.name, self.balance = name, balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"{self.name}: insufficient funds")
        self.balance -= amount


def primes(limit):
    sieve = bytearray([1]) * (limit + 1)
    sieve[0:2] = b"\0\0"
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = bytearray(len(sieve[i * i::i]))
    return [i for i, flag in enumerate(sieve) if flag]


found = primes(20000)
print(len(found), found[-3:], sum(found) % 1000003)
print(2 ** 200 % 1000000007, Fraction(1, 3) + Fraction(1, 7), 7 / 3)
words = re.findall(r"[a-z]+", open("guest/busybox/data/gpl-3.txt").read().lower())
print(Counter(words).most_common(5))
print(hashlib.sha256(" ".join(words).encode()).hexdigest())
blob = zlib.compress(("tinyrv " * 1000).encode(), 9)
print(len(blob), zlib.decompress(blob)[:14])
print(json.dumps({"k": [1, 2.5, None, True], "s": "\u00e9"}, sort_keys=True))
account = Account("alice", 10)
try:
    account.withdraw(25)
except ValueError as error:
    print("caught:", error)
print(sorted({"pear": 3, "apple": 1, "fig": 2}.items(), key=lambda item: item[1]))
print("%.6f %e %g" % (3.14159265358979, 1e-300 * 1e-10, 1.0 / 3))
