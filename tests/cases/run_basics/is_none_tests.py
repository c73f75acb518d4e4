def f(x, y=None):
    out = []
    if x is None: out.append("a")
    if x is not None: out.append("b")
    if not (x is None): out.append("c")
    if x is None or y is None: out.append("d")
    if x is not None and y is not None: out.append("e")
    while x is not None:
        out.append("w"); x = None
    r = "t" if y is None else "f"
    out.append(r)
    out.append(x is None)
    return out
for args in [(None,), (1,), (0, 0), (None, None), ([], None)]:
    print(f(*args))
print([v for v in [None, 0, None, 3] if v is not None])
assert None is None
x = 5
if x is None:
    print("no")
else:
    print("yes")
