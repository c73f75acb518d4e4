# __repr__, __str__ and __format__ in print, str(), f-strings, % and format.
class Temp:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"Temp({self.v!r})"

    def __str__(self):
        return f"{self.v} degrees"

    def __format__(self, spec):
        if spec == "":
            return str(self)
        return format(self.v, spec) + "C"


t = Temp(21.5)
print(t, repr(t), str(t), [t], (t,), {"k": t}, {t.v: [t]})
print(f"{t}", f"{t!r}", f"{t!s}", f"{t:.3f}", f"{t:>8.1f}", format(t, "06.2f"))
print("%s | %r | %5s" % (t, t, Temp(1)), "{} {!r} {:.0f}".format(t, t, t))


class OnlyRepr:
    def __repr__(self):
        return "<only repr>"


o = OnlyRepr()
print(o, str(o), f"{o}", "%s" % o, [o])


class OnlyStr:
    def __str__(self):
        return "only str"


s = OnlyStr()
print(s, f"{s}", repr(s).startswith("<__main__.OnlyStr object at"), [s][0] is s)
print(format(s), format(s, ""))
print(format(s, "x"))
