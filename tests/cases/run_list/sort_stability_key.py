records = [("bob", 3), ("amy", 1), ("cat", 3), ("dan", 2), ("eve", 1), ("fay", 2)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
r2 = records[:]
r2.sort(key=lambda r: -r[1])
print(r2)
words = ["bb", "a", "ccc", "dd", "e", "fff"]
words.sort(key=len)
print(words)
words.sort(key=len, reverse=True)
print(words)
print(sorted([3, 1, 2], reverse=True), sorted("hello"))
print(sorted([(1, "b"), (1, "a"), (0, "z")]))
