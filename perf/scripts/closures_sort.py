"""Closures, lambdas and sorting with key functions."""


def make_counter():
    count = 0

    def incr(step=1):
        nonlocal count
        count += step
        return count

    return incr


def make_key(weights):
    def key(record):
        return sum(w * v for w, v in zip(weights, record))

    return key


def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x

    return composed


def records(n):
    x = 7
    out = []
    for _ in range(n):
        x = (x * 48271) % 2147483647
        out.append((x % 1000, (x >> 10) % 1000, (x >> 20) % 100))
    return out


counter = make_counter()
for i in range(600000):
    counter(i % 3)
print(counter(0))

data = records(150000)
keys = [make_key((1, 2, 3)), make_key((3, 1, -1)), lambda r: r[2] * 1000 - r[0]]
for key in keys:
    ordered = sorted(data, key=key)
    print(ordered[0], ordered[-1], key(ordered[len(ordered) // 2]))
print(sorted(data, key=lambda r: (r[2], -r[1], r[0]))[:3])
print(sorted(data, reverse=True)[:2])

f = compose(lambda v: v + 1, lambda v: v * 3, abs)
print(sum(f(i - 150000) for i in range(300000)))
adders = [(lambda k: lambda v: v + k)(k) for k in range(10)]
print(sum(a(i) for i in range(60000) for a in adders))
