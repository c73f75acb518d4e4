print({x % 5 for x in range(20)})
print(sorted({c for c in "mississippi"}))
data = [3, 1, 3, 2, 1, 5]
seen = set()
out = []
for x in data:
    if x not in seen:
        seen.add(x)
        out.append(x)
print(out, len(seen))
print(sorted(set("hello") & set("world")))
print(len({(1, 2), (2, 1), (1, 2)}))
