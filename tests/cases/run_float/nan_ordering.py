# Every ordering comparison involving a NaN is false, in expressions and in
# conditions alike (and `not (x < nan)` is true).
nan = float("nan")
inf = float("inf")
for a, b in ((1.0, nan), (nan, 1.0), (nan, nan), (inf, nan), (1, nan), (nan, 2)):
    print(a < b, a <= b, a > b, a >= b, a == b, a != b)


def conds(a, b):
    out = []
    if a < b:
        out.append("lt")
    if not a < b:
        out.append("not lt")
    if a >= b:
        out.append("ge")
    if not (a >= b) and not (a <= b):
        out.append("unordered")
    while a > b:
        out.append("loop")
        break
    return out


print(conds(1.0, nan), conds(nan, nan), conds(2.0, 1.0))
print(sorted([3.0, 1.0, 2.0]), max(1.0, 2.0), [x for x in (1.0, nan, 3.0) if x > 2])
