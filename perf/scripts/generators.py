"""Generators pipeline: chained generator functions and expressions."""


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(it):
    for x in it:
        yield x * x


def only_odd(it):
    for x in it:
        if x & 1:
            yield x


def windows(it, size):
    window = []
    for x in it:
        window.append(x)
        if len(window) == size:
            yield tuple(window)
            window.pop(0)


def take(it, n):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x


def collatz_lengths(n):
    for start in range(1, n):
        steps = 0
        x = start
        while x != 1:
            x = x // 2 if x % 2 == 0 else 3 * x + 1
            steps += 1
        yield steps


pipeline = windows(only_odd(squares(numbers(1200000))), 3)
total = sum(a + b - c for a, b, c in pipeline)
print(total)
print(sum(x % 1000 for x in take(squares(numbers(10**9)), 800000)))
print(max(collatz_lengths(60000)))
print(list(take((x for x in numbers(100) if x % 7 == 0), 5)))
