# for-loops unpacking zip/enumerate items (the VM unpacks them without
# building tuples when the iterators are over lists, tuples, ranges).
xs = [1, 2, 3, 4]
ys = ("a", "b", "c")
for a, b in zip(xs, ys):
    print(a, b)
for i, (a, b) in enumerate(zip(xs, range(10, 20))):
    print(i, a, b)
for a, b, c, d in zip(xs, ys, range(3), reversed(xs)):
    print(a, b, c, d)
for a, b, c, d, e in zip(xs, xs, xs, xs, xs):
    print(a + b + c + d + e)

# zip advances its iterators in order, up to the first exhausted one.
it1, it2 = iter([1, 2, 3]), iter([10, 20])
for a, b in zip(it1, it2):
    print(a, b)
print(list(it1), list(it2))
it1, it2 = iter([1, 2]), iter([10, 20, 30])
for a, b in zip(it1, it2):
    print(a, b)
print(list(it1), list(it2))

# The same iterator twice.
it = iter(range(7))
for a, b in zip(it, it):
    print(a, b)
print(list(it))

# A generator among the iterators (no fast path).
def gen():
    yield "x"
    yield "y"

for a, b in zip(gen(), xs):
    print(a, b)

# enumerate counts only the items it gave; a list growing while iterated.
lst = [5, 6]
e = enumerate(lst)
for i, v in e:
    print(i, v)
    if v == 5:
        lst.append(7)
print(list(e))
for i, v in enumerate((), 3):
    print("never", i, v)
for i, v in enumerate("ab", -1):
    print(i, v)

# The loop variable of a zip item not unpacked, and wrong unpack counts.
for t in zip(xs, ys):
    print(t)
try:
    for a, b, c in zip(xs, ys):
        pass
except ValueError as e:
    print("ValueError:", e)
try:
    for a, b, c in enumerate(xs):
        pass
except ValueError as e:
    print("ValueError:", e)
print([(a, b) for a, b in zip("abc", [1, 2, 3])])
z = zip([1], [2])
print(next(z), next(z, "done"))
