# Exceptions inside comprehensions and lambdas are caught by the caller.
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")

print([safe_div(1, x) for x in [1, 0, 2]])
try:
    [1 / x for x in [1, 0]]
except ZeroDivisionError as e:
    print("list comprehension:", e)
try:
    {k: {}[k] for k in "ab"}
except KeyError as e:
    print("dict comprehension:", repr(e))
try:
    {int(s) for s in ["1", "x"]}
except ValueError as e:
    print("set comprehension:", e)
f = lambda: [][1]
try:
    f()
except IndexError as e:
    print("lambda:", e)
results = []
for s in ["3", "a", "5"]:
    try:
        results.append([int(s) * i for i in range(3)])
    except ValueError:
        results.append(None)
print(results)
