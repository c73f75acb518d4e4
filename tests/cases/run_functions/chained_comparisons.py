calls = []
def v(x):
    calls.append(x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0)
print(v(1) < v(0) < v(5))
print(calls)
calls.clear()
print(v(1) < v(2) < v(3))
print(calls)
x = 5
print(0 <= x <= 10, 0 < x != 5, x == 5 == 5.0)
print(1 < 2 > 1 < 2, "a" < "b" < "c")
print(1 in [1, 2] in [[1, 2]], 2 not in [1] is not None)
