# Single inheritance: overriding, super().__init__, isinstance/issubclass.
class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def kind(self):
        return type(self).__name__


class Dog(Animal):
    sound = "woof"

    def __init__(self, name, tricks):
        super().__init__(name)
        self.tricks = tricks

    def speak(self):
        return super().speak() + "!"


class Puppy(Dog):
    def speak(self):
        return "small " + super().speak()


for a in [Animal("generic"), Dog("rex", 3), Puppy("bit", 0)]:
    print(a.speak(), a.kind(), isinstance(a, Animal), isinstance(a, Dog))
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(Dog, Dog))
print(Puppy.__bases__, Puppy.__mro__)
print([c.__name__ for c in Puppy.mro()], Dog.__base__, Animal.__base__)
print(Puppy("p", 1).tricks, Dog.speak is Puppy.__mro__[1].speak)
