# Infinite generators consumed partially.
def naturals():
    n = 0
    while True:
        yield n
        n += 1


def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def primes():
    found = []
    for n in naturals():
        if n < 2:
            continue
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n


print(list(take(10, fib())))
print(list(take(12, primes())))
for n in naturals():
    if n * n > 50:
        print("first square over 50:", n)
        break
squares = (n * n for n in naturals())
print([next(squares) for _ in range(5)])
print(next(x for x in naturals() if x % 7 == 6))
big = fib()
for _ in range(200):
    value = next(big)
print(value)
print(sum(take(1000, naturals())))
