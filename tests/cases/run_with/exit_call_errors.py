# Errors in calling __exit__ itself: a wrong signature, and a result whose
# truth test raises.
class WrongSignature:
    def __enter__(self):
        return self

    def __exit__(self):
        print("never called")


try:
    with WrongSignature():
        print("body")
except TypeError as e:
    print("normal exit:", e)

try:
    with WrongSignature():
        raise ValueError("body error")
except TypeError as e:
    print("exceptional exit:", e, "| context:", repr(e.__context__))


class BadBool:
    def __bool__(self):
        raise ArithmeticError("no truth value")


class ReturnsBadBool:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        print("exit returns BadBool")
        return BadBool()


# On a normal exit the result is not tested.
with ReturnsBadBool():
    pass
print("normal exit ignores the result")

try:
    with ReturnsBadBool():
        raise KeyError("body")
except ArithmeticError as e:
    print("truth test raised:", e, "| context:", repr(e.__context__))


class WrongEnter:
    def __enter__(self, extra):
        return extra

    def __exit__(self, *a):
        print("not called")


try:
    with WrongEnter():
        pass
except TypeError as e:
    print("enter:", e)


def wrapper():
    with ReturnsBadBool():
        raise KeyError("body")


wrapper()
