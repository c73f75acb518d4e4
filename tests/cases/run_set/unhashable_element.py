s = {1, 2}
s.add((3, 4))
print(sorted(s, key=str))
s.add([5])
