# An exception that __exit__ does not suppress keeps its own traceback:
# the lines of the body and the functions it called, not the with line.
class Audit:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("start", self.name)
        return self

    def __exit__(self, t, v, tb):
        print("stop", self.name, "with", t.__name__ if t else "no error")
        return False


def parse(text):
    return int(text)


def load(values):
    total = 0
    with Audit("load"):
        for v in values:
            total += parse(v)
    return total


print(load(["1", "2"]))


def outer():
    with Audit("outer"):
        with Audit("inner"):
            return load(["3", "four"])


outer()
