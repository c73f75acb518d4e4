# Loops with break/continue inside try/except/finally.
results = []
for i in range(10):
    try:
        if i % 3 == 0:
            raise ValueError(i)
        if i == 7:
            break
        results.append(i)
    except ValueError as e:
        results.append("v%s" % e)
        continue
    finally:
        results.append("f%d" % i)
else:
    results.append("else")
print(results)

n = 0
while n < 5:
    n += 1
    try:
        try:
            if n == 2:
                continue
            if n == 4:
                1 / 0
        finally:
            print("inner finally", n)
    except ZeroDivisionError:
        print("caught at", n)
        continue
    print("end of iteration", n)

count = 0
for word in ["1", "x", "3", "", "5"]:
    try:
        count += int(word)
    except ValueError:
        pass
print(count)

def find(items, target):
    for i, x in enumerate(items):
        try:
            if x == target:
                return i
        finally:
            print("checked", x)
    return -1

print(find(["a", "b", "c"], "b"))

i = 0
while True:
    try:
        i += 1
        if i > 3:
            raise StopIteration
    except StopIteration:
        break
print("stopped at", i)
