# Dict and set lookups with keys equal to, but not the same object as, the
# stored ones (the str/int/tuple fast paths), and sequence equality.
words = ["ka", "lo", "kalo", "lo" + "ka", "ka" + "lo"]
d = {}
for w in words:
    d[w] = d.get(w, 0) + 1
print(d)
print("".join(["k", "a", "l", "o"]) in d, "kal" + "o" in d, "kalo!" in d)

pairs = {}
seen = set()
for a, b in zip(words, words[1:] + words[:1]):
    key = (a, b)
    if key in seen:
        pairs[key] += 1
    else:
        seen.add(key)
        pairs[key] = 1
print(sorted(pairs.items()), len(seen))
print(("ka", "lo") in seen, ("ka" + "", "l" + "o") in pairs, ("ka", "lo", "x") in pairs)

# numeric unification inside tuple keys
t = {(1, "a"): 1, (2.5, None): 2, ((1, 2), 3): 3}
print(t[(1.0, "a")], t[(True, "a")], t[(2.5, None)], t[((1.0, 2), 3)])
t[(1.0, "a")] = 10
print(t)
print({(0,), (0.0,), (False,)}, {(-1, -2): "x"}[(-1, -2)])

# int keys: small, negative, large, with equal hashes
ints = {}
for i in range(-50, 2000, 7):
    ints[i] = i * i
for i in (2**61 - 1, 2**61, -(2**61), 2**63 - 1, -(2**63)):
    ints[i] = str(i)
print(len(ints), ints[-50], ints[1980], ints[-1], ints.get(2**61), ints.get(1), ints[-(2**63)])
print(hash(-1) == hash(-2), {-1: "a", -2: "b"})
ints.pop(-50)
del ints[1980]
print(len(ints), -50 in ints, 1980 in ints, -43 in ints)

# sequence equality and concatenation identity
class A:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, A) and other.v == self.v

    __hash__ = object.__hash__


print((A(1),) == (A(1),), (A(1), 2) == (A(1), 3), [A(1), "x"] == [A(1), "x"], [A(2)] != [A(2)])
print((1, 2) == (1, 2, 3), (1, "a") == (1.0, "a"), ([1], 2) == ([1], 2))
s = "word"
tup = (1, 2)
print(("" + s) is s, (s + "") is s, (tup + ()) is tup, (() + tup) is tup, ("" + "") == "")
import sys
v = sys.version_info
print(type(v + ()).__name__, type(() + v).__name__, (v + ()) == tuple(v))
l = [1, 2]
print((l + []) is l, l + [] == l)
