# Keys of one builtin type sort natively; the results (stability, reverse,
# equal keys of different identity) must be exactly CPython's.
recs = [(i % 7, -(i % 5), "k%d" % (i % 3), i) for i in range(60)]
print(sorted(recs, key=lambda r: r[0])[:12])
print(sorted(recs, key=lambda r: r[0], reverse=True)[:12])
print(sorted(recs, key=lambda r: (r[0], r[1]))[:10])
print(sorted(recs, key=lambda r: (r[1], r[2]), reverse=True)[:10])
print(sorted(recs, key=lambda r: r[2])[:8])
print(sorted(recs, key=lambda r: r[2], reverse=True)[:8])
print(sorted(recs, reverse=True)[:5], sorted(recs)[:5])

# ints and bools are one kind; floats with signed zeros are equal keys
print(sorted([True, 2, False, 1, 0, -1, True]))
print(sorted([(1, "a"), (True, "b"), (1, "a", 0), (1,), ()]))
zs = [0.0, -0.0, 1.5, -0.0, 0.0, -2.25]
print([str(z) for z in sorted(zs)], [str(z) for z in sorted(zs, reverse=True)])
print(sorted(["b", "a", "é", "Z", "ab", "", "\U0001f600", "\xff"]))
print(sorted([2**70, 3, -2**65, 1.5]))

# tuples whose items differ in type by position, nested tuples, NaN keys
print(sorted([(1, "x"), (1, 2.5), (0, None)], key=lambda t: t[0]))
print(sorted([((2, 1), 1), ((1, 3), 2), ((1, 2), 3)]))
nan = float("nan")
print(sorted([(1, nan), (0, 1.0)]))
for bad in ([1, "a"], [(1, 2), (1, "x")], [("a", 1), (None, 2)], [None, None]):
    try:
        print(sorted(bad))
    except TypeError as e:
        print("TypeError:", e)

l = [5, 3, 9, 1]
l.sort(reverse=True)
print(l)
l = ["pear", "fig", "apple"]
l.sort(key=len)
print(l)

# comparisons of sequences: first unequal items decide, then lengths
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 0), [1, "a"] < [1, "b"], (1, [2]) < (1, [3]))
print([1, 2] <= [1, 2], (3,) >= (2, 9), ("a", 1) > ("a", 0))


class Shrink:
    def __init__(self, lst):
        self.lst = lst

    def __eq__(self, other):
        self.lst.clear()
        return False

    def __lt__(self, other):
        return True


a = []
a.append(Shrink(a))
a.append(1)
print(a < [0, 2], len(a))
