# A CPU-bound Python workload for `make bench`: object method calls, dict and list work, string building and
# integer arithmetic, with one deterministic line of output (the same under any CPython 3).
class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def main():
    longest = max(range(1, 30000), key=collatz_steps)
    position = Vector(0, 0)
    for i in range(60000):
        position = position.add(Vector(i % 7 - 3, i % 5 - 2))
    counts = {}
    for word in ("alpha beta gamma delta epsilon " * 4000).split():
        counts[word] = counts.get(word, 0) + 1
    text = ",".join(str(i * i % 97) for i in range(20000))
    print(longest, collatz_steps(longest), position.x, position.y, sorted(counts.items())[0], len(text))


main()
