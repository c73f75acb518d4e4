# __getattr__, __getattribute__, __setattr__, __delattr__ and the
# getattr/setattr/hasattr/delattr builtins.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "log", [])

    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self._target, name)

    def __setattr__(self, name, value):
        self.log.append("set " + name)
        setattr(self._target, name, value)

    def __delattr__(self, name):
        self.log.append("del " + name)
        delattr(self._target, name)


class Target:
    def __init__(self):
        self.x = 1

    def double(self):
        return self.x * 2


t = Target()
p = Proxy(t)
print(p.x, p.double())
p.x = 21
print(t.x, p.double(), hasattr(p, "nothing"), getattr(p, "nothing", "dflt"))
del p.x
print(hasattr(t, "x"), p.log)


class Audit:
    def __init__(self):
        self.seen = []
        self.value = 5

    def __getattribute__(self, name):
        if name != "seen":
            object.__getattribute__(self, "seen").append(name)
        if name == "magic":
            return 42
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return "fallback:" + name


a = Audit()
print(a.value, a.magic, a.missing, a.seen)
setattr(a, "value", 6)
print(getattr(a, "value"), hasattr(a, "anything"))
delattr(a, "value")
print(a.value)
