# AssertionError and errors of common builtins are ordinary exceptions.
def check(x):
    assert x > 0, "x must be positive"
    return x

for v in [1, -1]:
    try:
        print(check(v))
    except AssertionError as e:
        print("AssertionError:", e, e.args)

try:
    assert False
except AssertionError as e:
    print(repr(e))

cases = [
    lambda: next(iter([])),
    lambda: iter(5),
    lambda: chr(-1),
    lambda: ord("ab"),
    lambda: "a".index("b"),
    lambda: [].index(1),
    lambda: (1, 2).index(3),
    lambda: {}.popitem(),
    lambda: set().pop(),
    lambda: int("9" * 5000),
    lambda: float("nope"),
    lambda: 2 ** 2000.5,
    lambda: [1, 2, 3][1:2:0],
    lambda: range(0, 10, 0),
    lambda: "x" * (2 ** 70),
    lambda: divmod(1, 0),
    lambda: abs("s"),
    lambda: getattr(1, "nope"),
]
for c in cases:
    try:
        c()
    except Exception as e:
        print(type(e).__name__ + ":", e)
