# Decorators on classes and methods; nested classes and their qualnames.
registry = []


def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls


def add_greeting(greeting):
    def deco(cls):
        cls.greet = lambda self: f"{greeting}, {self.name}"
        return cls
    return deco


def trace(f):
    def wrapper(*args):
        print("call", f.__name__, args[1:])
        return f(*args)
    return wrapper


@register
@add_greeting("hello")
class Person:
    def __init__(self, name):
        self.name = name

    @trace
    def rename(self, name):
        self.name = name

    class Address:
        class Street:
            def where(self):
                return "here"


p = Person("ann")
p.rename("bo")
print(p.greet(), Person.registered, registry)
print(Person.Address.__qualname__, Person.Address.Street.__qualname__, Person.Address.Street().where())
print(Person.Address.Street.where.__qualname__, Person.rename.__name__, Person.__init__.__qualname__)


def factory():
    class Local:
        def method(self):
            class Inner:
                pass
            return Inner
    return Local


print(factory().__qualname__, factory().method.__qualname__, factory()().method().__qualname__)
