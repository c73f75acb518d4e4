# type(): one argument gives the type; three arguments make a class.
def greet(self):
    return "hi from " + type(self).__name__


Base = type("Base", (), {"greet": greet, "level": 1})
Child = type("Child", (Base,), {"level": 2, "__doc__": "made by type()"})
c = Child()
print(c.greet(), c.level, Child.__doc__, Child.__bases__, Child.__mro__, Base.__qualname__)
print(type(c) is Child, type(Child) is type, type(type), type(3), type("s"), type(None), type(len))
print(type(int), type([]).__name__, type({}) is dict, isinstance(Child, type))
Empty = type("Empty", (), {})
print(Empty, Empty.__module__, Empty.__name__, repr(Empty()).startswith("<__main__.Empty object"))
print(type("X", (object,), {"a": 1}).a)
print(type.__name__, type(type).__name__, int.__name__, object.__mro__)
print(type("bad name", (), {}).__name__)
type("Y", (), 5)
