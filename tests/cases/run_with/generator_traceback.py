# An exception leaving a with body in a generator: the traceback goes
# through the consumer, the generator frame and __exit__.
class Closing:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("closing after", t.__name__ if t else None)
        if t is ZeroDivisionError:
            raise LookupError("while closing")


def produce(values):
    with Closing():
        for v in values:
            yield 10 // v


print(list(produce([1, 2, 5])))
for item in produce([5, 0, 1]):
    print("item", item)
