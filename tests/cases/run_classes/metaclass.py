# A metaclass: a type subclass with __new__, __init__ and __call__.
class Registry(type):
    classes = []

    def __new__(mcs, name, bases, ns, **kw):
        ns.setdefault("tag", name.lower())
        cls = super().__new__(mcs, name, bases, ns)
        mcs.classes.append(name)
        return cls

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.options = kw

    def __call__(cls, *args, **kw):
        obj = super().__call__(*args, **kw)
        obj.created_by = "Registry"
        return obj

    def describe(cls):
        return f"{cls.__name__}/{cls.tag}"


class Plugin(metaclass=Registry, enabled=True):
    def __init__(self, x):
        self.x = x


class Special(Plugin, tag_override=1):
    tag = "custom"


p = Special(5)
print(p.x, p.created_by, Registry.classes, Plugin.options, Special.options)
print(type(Plugin).__name__, type(Special) is Registry, isinstance(Plugin, type), Special.describe())
print(Plugin.tag, Special.tag, isinstance(p, Plugin), Registry.__mro__)


class Singleton(type):
    _instances = {}

    def __call__(cls, *args):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, value):
        self.value = value


a, b = Config(1), Config(2)
print(a is b, a.value, b.value)
