class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"

class NotFound(AppError):
    pass

def find(k):
    raise NotFound(404, f"no {k}")

try:
    find("x")
except AppError as e:
    print("caught", type(e).__name__, e, e.code, isinstance(e, NotFound))

try:
    raise NotFound
except TypeError as e:
    print("TypeError:", e)

class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __iter__(self):
        for i in self.items:
            yield i * 2
    def __add__(self, other):
        if not isinstance(other, Bag):
            raise TypeError("bags only")
        return Bag(*(self.items + other.items))

b = Bag(1, 2, 3)
print(list(b), sum(b), max(x for x in b))
print(list(b + Bag(4)))
for i in range(3000):
    try:
        b + 1
    except TypeError as e:
        msg = str(e)
print(msg)

class Strict:
    def __init__(self, v):
        if v < 0:
            raise ValueError("negative")
        self.v = v
n = 0
for i in range(3000):
    try:
        Strict(-1)
    except ValueError:
        n += 1
print(n)

def deep(k):
    return Strict(k) if k == 0 else deep(k - 1)
print(deep(500).v)

class Res:
    def __init__(self):
        self.log = []
    def run(self):
        try:
            yield 1
            yield 2
        finally:
            self.log.append("closed")
r = Res()
g = r.run()
print(next(g))
g.close()
print(r.log)

class Meta(type):
    def __call__(cls, *a):
        try:
            return super().__call__(*a)
        except ZeroDivisionError as e:
            return "div: " + str(e)
class D(metaclass=Meta):
    def __init__(self, x):
        self.y = 1 / x
print(D(0), D(2).y)
try:
    class E(Exception): pass
    raise E("boom") from KeyError("k")
except E as e:
    print(repr(e), repr(e.__cause__))
import sys
def handler_gen():
    try:
        raise AppError(1, "in gen")
    except AppError:
        yield sys.exc_info()[1]
print(str(next(handler_gen())))
raise NotFound(500, "final")
