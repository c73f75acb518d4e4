"""Recursive calls: naive Fibonacci."""


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


results = [fib(30) for _ in range(4)]
print(results[0], sum(results))
