"""Nested integer loops: + * % and comparisons on small ints."""


def run(n):
    total = 0
    count = 0
    for i in range(n):
        for j in range(n):
            x = i * j + j
            if x % 7 == 3:
                total += x % 1000
            elif x > i:
                count += 1
            else:
                total -= 1
    return total, count


total, count = run(3200)
print(total, count)
