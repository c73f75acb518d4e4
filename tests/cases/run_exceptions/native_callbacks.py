# Exceptions raised in Python code called back from builtins (sort keys,
# map) propagate through them and are catchable outside.
def bad_key(x):
    if x == 3:
        raise ValueError("bad item %d" % x)
    return -x

try:
    sorted([1, 2, 3, 4], key=bad_key)
except ValueError as e:
    print("sorted:", e)

print(sorted([1, 2, 4], key=bad_key))

def safe_key(x):
    try:
        return 10 // x
    except ZeroDivisionError:
        return -1

print(sorted([5, 0, 2, 1], key=safe_key))

try:
    list(map(lambda v: 1 / v, [1, 0]))
except ZeroDivisionError as e:
    print("map:", e)

try:
    max([1, 2], key=lambda v: {}[v])
except KeyError as e:
    print("max:", repr(e))

def outer():
    try:
        return sorted([3, 1], key=lambda v: v / 0)
    except ZeroDivisionError:
        return "handled in outer"
    finally:
        print("outer finally")

print(outer())
data = [3, 1, 2]
try:
    data.sort(key=lambda v: [][v])
except IndexError as e:
    print("list.sort:", e, data)
sorted([1, 2, 3], key=lambda v: (v, {}[v]))
