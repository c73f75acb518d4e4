# Many exceptions raised and caught in loops (GC and state stay sound).
total = 0
for i in range(20000):
    try:
        if i % 2:
            raise ValueError(i)
        total += {}[i]
    except ValueError as e:
        total += e.args[0]
    except KeyError as e:
        total -= e.args[0]
    finally:
        total += 1
print(total)

kept = []
for i in range(2000):
    try:
        try:
            raise KeyError(i)
        except KeyError as e:
            raise IndexError(i) from e
    except IndexError as e:
        if i % 500 == 0:
            kept.append(e)
print([(repr(k), repr(k.__cause__)) for k in kept])

def deep(n):
    if n == 0:
        raise RuntimeError("bottom")
    try:
        deep(n - 1)
    except RuntimeError as e:
        raise RuntimeError("level %d" % n) from e

try:
    deep(50)
except RuntimeError as e:
    n = 0
    while e is not None:
        n += 1
        e = e.__cause__
    print("chain length", n)
