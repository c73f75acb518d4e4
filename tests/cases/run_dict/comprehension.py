print({x: x ** 2 for x in range(5)})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({c: i for i, c in enumerate("abca")})
print({k: v for k, v in zip("xyz", range(3)) if v})
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
groups = {}
for w in words:
    groups.setdefault(w[0], []).append(w)
print(groups)
print({len(w): w for w in words})
