# __exit__ raising while an exception passes through: the new exception
# propagates with the first one as its __context__, and the traceback
# shows both, the second at the with line.
class Broken:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("exit got", t.__name__)
        raise ValueError("exit failed while handling " + t.__name__)


try:
    with Broken():
        raise KeyError("body")
except ValueError as e:
    print("caught", e)
    print("context", repr(e.__context__))
    print("cause", e.__cause__, e.__suppress_context__)


def work():
    items = [1, 2]
    with Broken():
        return items[5]


work()
