# super() reaching native methods of builtin types, called directly.
class E(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code


e = E(3)
print(repr(e), e.args, e.code, str(e))


class D(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.extra = 1

    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)

    def get(self, k, default=None):
        return super().get(k, default)


d = D(a=1)
d["b"] = 2
print(sorted(d.items()), d.get("b"), d.get("z", 9), d.extra)


class L(list):
    def append(self, x):
        super().append(x + 1)


lst = L()
lst.append(1)
print(lst, super(L, lst).__len__())


class O:
    def __init__(self):
        super().__init__()
        print("O init", super().__str__().startswith("<"))

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        print("subclass", cls.__name__)


O()


class P(O):
    pass


class S(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())


print(S("abc"), type(S("x")).__name__)
try:
    super(E, e).__init__(1, 2)
    print(e.args)
except TypeError as x:
    print("TypeError", x)
