a = [5, 2, 9]
r = a.sort()
print(r, a)
print(a.reverse(), a)
print(a.append(1), a.extend([]), a.insert(0, 0), a)
print(sorted(a) is a, sorted(a) == a)
