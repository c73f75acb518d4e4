memo = {}
def fib(n):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r
print(fib(90))
print(fib(300))
print(len(memo))
def paths(r, c, cache={}):
    if r == 0 or c == 0:
        return 1
    if (r, c) not in cache:
        cache[(r, c)] = paths(r - 1, c) + paths(r, c - 1)
    return cache[(r, c)]
print(paths(16, 16))
