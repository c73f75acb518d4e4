vals = [2, 1, 0]
print({v: 6 // v for v in vals[:2]})
print(sum(6 // v for v in vals))
