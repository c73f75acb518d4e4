total = 0
for i in range(2000):
    squares = [x * x for x in range(100)]
    evens = [s for s in squares if s % 2 == 0]
    total += len(evens) + evens[-1]
print(total)
