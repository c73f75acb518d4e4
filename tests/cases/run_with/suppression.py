# A true result of __exit__ suppresses the exception; any truthy object
# counts, a false one (or None) lets it propagate.
class Suppress:
    def __init__(self, result):
        self.result = result

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("exit sees", t.__name__ if t else None, repr(v))
        return self.result


class Truth:
    def __init__(self, value):
        self.value = value

    def __bool__(self):
        print("bool called")
        return self.value


for result in [True, 1, "yes", [0], 2.5, Truth(True), False, 0, "", [], None, Truth(False)]:
    try:
        with Suppress(result):
            raise ValueError(repr(result) if not isinstance(result, Truth) else "Truth")
        print("suppressed, result", type(result).__name__)
    except ValueError as e:
        print("propagated", e)


# The statement after the with runs; the rest of the body does not.
def body_stops():
    steps = []
    with Suppress(True):
        steps.append(1)
        1 / 0
        steps.append(2)
    steps.append(3)
    return steps


print(body_stops())


# A suppressed exception leaves later names unbound.
def unbound_after():
    with Suppress(True):
        raise RuntimeError("skip the assignment")
        value = 1
    try:
        return value
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)


print(unbound_after())


# BaseException subclasses can be suppressed too.
for exc in [KeyboardInterrupt, SystemExit(3), GeneratorExit, StopIteration(7)]:
    with Suppress(True):
        raise exc
print("still running")


# Only the matching exceptions: a selective manager.
class Ignore:
    def __init__(self, *types):
        self.types = types

    def __enter__(self):
        return None

    def __exit__(self, t, v, tb):
        return t is not None and issubclass(t, self.types)


for exc in [KeyError("a"), IndexError("b"), TypeError("c"), LookupError("d")]:
    try:
        with Ignore(LookupError):
            raise exc
        print("ignored", type(exc).__name__)
    except Exception as e:
        print("escaped", type(e).__name__)


# The handled exception is gone after a suppression.
import sys

with Ignore(ZeroDivisionError):
    1 / 0
print(sys.exc_info())


# Suppression inside a loop keeps the loop going.
total = 0
for i in range(6):
    with Ignore(ZeroDivisionError):
        total += 10 // (i % 3)
print(total)
