# `for x in range(...)` counts in registers when `range` is the builtin;
# every other case must behave exactly as iterating a range object.
def f(n):
    t = 0
    for i in range(n):
        t += i
    for i in range(2, n, 3):
        t += i
    for i in range(n, 0, -2):
        t -= i
    for i in range(0):
        t = 99
    for j in range(5):
        if j == 3:
            break
    else:
        print("no break")
    for j in range(3):
        continue
    else:
        print("else after", j)
    print(t, i, j)
    return [x * y for x in range(3) for y in range(x, 4)]


print(f(10))
# Near the ends of the 64-bit range: no overflow past stop.
for k in range(9223372036854775800, 9223372036854775807, 3):
    print(k)
for k in range(-9223372036854775805, -9223372036854775808, -2):
    print(k)
for k in range(True):
    print("bool arg", k)
for k in range(3):
    k = 10 * k  # rebinding the target does not change the count
    print(k)


def shadowed():
    range = lambda n: [n, n]
    for q in range(7):
        print("local range", q)


shadowed()


def myrange(*a):
    yield from a


builtin_range = range
range = myrange
for q in range(1, 2, 3):
    print("generator range", q)
range = builtin_range


class Index:
    def __index__(self):
        return 2


for q in range(Index()):
    print("index", q)
try:
    for q in range(1, 2, 0):
        pass
except ValueError as e:
    print(e)


def gen():
    for i in range(3):
        yield i


print(list(gen()), sum(i for i in range(5)))


def early(n):
    for i in range(n):
        if i == 4:
            return i


print(early(100))
for q in range(1.5):
    pass
