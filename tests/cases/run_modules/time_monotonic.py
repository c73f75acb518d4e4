import time
a = time.perf_counter()
total = 0
for i in range(10000):
    total += i
b = time.perf_counter()
print(b >= a, total)
m1 = time.monotonic()
m2 = time.monotonic()
print(m2 >= m1, type(m1).__name__, type(a).__name__)
t = time.time()
print(t > 1600000000, type(t).__name__)
print(type(time.perf_counter_ns()).__name__, time.perf_counter_ns() > 0)
