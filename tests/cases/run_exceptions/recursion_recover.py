# RecursionError can be caught and the interpreter keeps going.
import sys

def down(n):
    return down(n + 1)

for attempt in range(3):
    try:
        down(0)
    except RecursionError as e:
        print("attempt", attempt, "caught:", e)

def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n

d = depth(0)
print("depth reached is large:", d > 500)

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(50))

def mutual_a(n):
    return mutual_b(n + 1)

def mutual_b(n):
    return mutual_a(n + 1)

try:
    mutual_a(0)
except RecursionError:
    print("mutual recursion caught")

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(20))
sys.setrecursionlimit(100)
try:
    down(0)
except RecursionError:
    print("caught with a lower limit")
print(fact(50) == fact(50))
