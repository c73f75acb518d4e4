# The order of calls, the value __enter__ returns, __exit__'s arguments on a
# normal exit, and what the with statement itself evaluates.
log = []


class Manager:
    def __init__(self, name, value=None):
        self.name = name
        self.value = value
        log.append(("init", name))

    def __enter__(self):
        log.append(("enter", self.name))
        return self.value if self.value is not None else self

    def __exit__(self, exc_type, exc, tb):
        log.append(("exit", self.name, exc_type, exc, tb))
        return None


def make(name):
    log.append(("make", name))
    return Manager(name)


with make("first") as m:
    log.append(("body", m.name))
for entry in log:
    print(entry)
log.clear()

# __enter__'s return value is what `as` binds, not the manager.
with Manager("second", 42) as v:
    print("bound:", v)
print("after:", v)

# Without `as`, the value is discarded but __enter__ still runs.
with Manager("third", "ignored"):
    print("no target")
print(log)
log.clear()


# __exit__ runs once even for an empty body.
class Counter:
    entered = 0
    exited = 0

    def __enter__(self):
        Counter.entered += 1

    def __exit__(self, *args):
        Counter.exited += 1
        print("args:", args)


c = Counter()
for _ in range(3):
    with c:
        pass
print(Counter.entered, Counter.exited)

# The same manager object reused, and entered from a nested statement.
with c:
    with c:
        print("nested", Counter.entered, Counter.exited)
print(Counter.entered, Counter.exited)

# __exit__'s return value does not matter on a normal exit.
class ReturnsTrue:
    def __enter__(self):
        return "t"

    def __exit__(self, *a):
        return True


with ReturnsTrue() as t:
    print("body", t)
print("done")
