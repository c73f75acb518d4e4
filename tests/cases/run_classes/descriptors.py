# Descriptors: data descriptors win over the instance dict, non-data ones
# lose to it; __set_name__ tells a descriptor its name.
class Typed:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            print("rejected", value)
            return
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print("delete", self.name)


class Lazy:
    def __init__(self, f):
        self.f = f

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        v = self.f(obj)
        obj.__dict__[self.f.__name__] = v
        return v


class Record:
    name = Typed(str)
    age = Typed(int)

    def __init__(self, name, age):
        self.name = name
        self.age = age

    @Lazy
    def summary(self):
        print("computing")
        return f"{self.name}:{self.age}"


r = Record("ann", 31)
print(r.name, r.age, r.__dict__)
r.age = "old"
print(r.age)
del r.age
print(r.summary, r.summary, "summary" in r.__dict__)
print(type(Record.name).__name__, Record.name.kind.__name__, Record.summary.f.__name__)
r.__dict__["name"] = "shadow"
print(r.name)
