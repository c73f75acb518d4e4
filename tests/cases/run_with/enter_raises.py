# An exception raised by __enter__ propagates without calling __exit__;
# the traceback shows the with line, then __enter__.
class Fragile:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        if self.name == "bad":
            raise RuntimeError("cannot enter " + self.name)
        return self

    def __exit__(self, *a):
        print("exit", self.name)


try:
    with Fragile("bad"):
        print("not reached")
except RuntimeError as e:
    print("caught", e)

# The earlier items of the same statement are exited.
try:
    with Fragile("ok"), Fragile("bad"), Fragile("never"):
        print("not reached")
except RuntimeError as e:
    print("caught", e)


def open_all():
    with Fragile("one") as one:
        with Fragile("bad") as two:
            return one, two


open_all()
