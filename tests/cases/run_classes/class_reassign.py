# Assigning __class__, and class attributes seen through subclasses.
class Cat:
    def speak(self):
        return "meow"


class Dog:
    def speak(self):
        return "woof"


pet = Cat()
pet.name = "rex"
print(pet.speak(), type(pet).__name__)
pet.__class__ = Dog
print(pet.speak(), type(pet).__name__, pet.name, isinstance(pet, Dog))


class Base:
    limit = 1


class Mid(Base):
    pass


class Leaf(Mid):
    pass


leaf = Leaf()
print(leaf.limit, Mid.limit)
Base.limit = 2
print(leaf.limit, Mid.limit)
Mid.limit = 3
print(leaf.limit, Base.limit)
del Mid.limit
print(leaf.limit)
pet.__class__ = 5
