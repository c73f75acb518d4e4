class E(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
class F(E):
    pass
class G(Exception):
    def __init__(self, a, b):
        self.a = a
class Bad(Exception):
    def __init__(self, x):
        raise ValueError("bad init %r" % x)
class Ret(Exception):
    def __init__(self):
        return 5
e = F(3)
print(repr(e), e.args, e.code, type(e).__name__, isinstance(e, E), str(e))
g = G(1, 2)
print(repr(g), g.args, g.a)
try:
    raise F(7)
except E as x:
    print("caught", x.code, x.args, x.__traceback__ is not None)
try:
    Bad(1)
except ValueError as v:
    print(v)
try:
    Ret()
except TypeError as t:
    print(t)
def deep(n):
    return deep(n + 1) if n < 10**6 else 0
class R(Exception):
    def __init__(self, n):
        self.n = n
        if n < 3000:
            R(n + 1)
try:
    R(0)
except RecursionError as r:
    print("recursion", r)
Bad(2)
