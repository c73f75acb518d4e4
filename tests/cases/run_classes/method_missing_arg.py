# A missing argument of a method named in the message.
class Greeter:
    def greet(self, name, punct="!"):
        return "hi " + name + punct


print(Greeter().greet("x"))
Greeter().greet()
