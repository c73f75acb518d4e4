# `d[k] += 1` and `d[k] = d.get(k, 0) + 1`: the store after a lookup that
# found the key may reuse the found entry; everything below must behave as
# two separate lookups.

d = {}
for w in "a b a c b a".split():
    d[w] = d.get(w, 0) + 1
print(d)

pairs = {}
words = "x y x y z x y".split()
for a, b in zip(words, words[1:]):
    key = (a, b)
    if key in pairs:
        pairs[key] += 1
    else:
        pairs[key] = 1
print(pairs)

# int, bool, float keys: 1 == 1.0 == True share one entry.
n = {1: 0}
n[1] += 1
n[True] += 1
n[1.0] += 1
print(n, list(n))
z = {0.0: 1}
z[-0.0] += 1
print(z)
nan = float("nan")
f = {nan: 1}
f[nan] += 1
print(f)

# The lookup is on one dict, the store on another.
d1 = {"k": 1}
d2 = {"k": 100, "j": 5}
v = d1["k"]
d2["k"] = v
print(d1, d2)

# The store's value deletes and re-adds keys in between (entries compact).
big = {i: i for i in range(40)}
def shuffle():
    for i in range(30):
        del big[i]
    big[5] = "new"
    return "stored"
x = big[20]  # a hit (entry 20) ...
big[25] = shuffle()  # ... then a different key, after compaction
print(len(big), big[25], big[5], list(big)[:4])
k = 30
t = big[k]
big[k] = (lambda: (big.pop(k), "after pop")[1])()
print(list(big.items())[-3:])

# `+=` whose value's __iadd__ empties the dict.
class Acc:
    def __init__(self, owner):
        self.owner = owner
    def __iadd__(self, other):
        self.owner.clear()
        self.owner["other"] = 0
        return "done"
box = {}
box["a"] = Acc(box)
box["a"] += 1
print(box)

# Keys with Python __eq__/__hash__.
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        print("eq", self.v, other.v)
        return self.v == other.v
    def __repr__(self):
        return f"K({self.v})"
kd = {K(1): 1}
kd[K(1)] += 1
kd[K(1)] = kd.get(K(1), 0) + 5
print(kd)

# A dict subclass with its own __setitem__ sees every store.
class Logged(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
ld = Logged(a=1)
ld["a"] += 1
ld["a"] = ld.get("a", 0) + 1
print(ld)

# Missing and unhashable keys.
try:
    pairs[("no", "pe")] += 1
except KeyError as e:
    print("KeyError", e)
try:
    pairs[["l"]] += 1
except TypeError as e:
    print("TypeError", e)
try:
    pairs.get(["l"])
except TypeError as e:
    print("TypeError", e)
print(pairs.get(("no",), "dflt"))

# Equal but not identical keys: the store still finds the entry.
s1 = "".join(["ab", "c"])
s2 = "".join(["a", "bc"])
e = {s1: 1}
v = e[s1]
e[s2] = v + 1
print(e)
t1 = (s1, 1)
t2 = (s2, 1)
e = {t1: 1}
e[t2] = e[t1] + 1
e[t2] += 1
print(e)
