# Everyday context managers written by hand: an indenting printer, a
# transaction that rolls back, a timer-like recorder, a redirect of a
# global, a lock, and a suppress() helper.
class Indenter:
    def __init__(self):
        self.level = 0

    def __enter__(self):
        self.level += 1
        return self

    def __exit__(self, *exc):
        self.level -= 1

    def print(self, text):
        print("    " * self.level + text)


out = Indenter()
with out:
    out.print("level one")
    with out:
        out.print("level two")
        with out:
            out.print("level three")
    out.print("back to one")
out.print("top")


class Transaction:
    def __init__(self, store):
        self.store = store

    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store

    def __exit__(self, t, v, tb):
        if t is not None:
            self.store.clear()
            self.store.update(self.snapshot)
            print("rolled back because of", t.__name__ + ":", v)
            return True
        print("committed", sorted(self.store.items()))


accounts = {"alice": 100, "bob": 50}


def transfer(src, dst, amount):
    with Transaction(accounts) as acc:
        acc[src] -= amount
        if acc[src] < 0:
            raise ValueError("insufficient funds in " + src)
        acc[dst] += amount


transfer("alice", "bob", 30)
transfer("bob", "alice", 500)
print(accounts)


class Lock:
    def __init__(self):
        self.held = False

    def __enter__(self):
        if self.held:
            raise RuntimeError("deadlock: lock already held")
        self.held = True

    def __exit__(self, *a):
        self.held = False


lock = Lock()
with lock:
    print("holding", lock.held)
print("released", lock.held)
try:
    with lock:
        with lock:
            pass
except RuntimeError as e:
    print(e, "| held afterwards:", lock.held)


class suppress:
    def __init__(self, *exceptions):
        self.exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, t, v, tb):
        return t is not None and issubclass(t, self.exceptions)


data = {}
with suppress(KeyError):
    del data["absent"]
print("no KeyError")

CURRENT = "default"


class setting:
    def __init__(self, value):
        self.value = value

    def __enter__(self):
        global CURRENT
        self.saved, CURRENT = CURRENT, self.value
        return CURRENT

    def __exit__(self, *a):
        global CURRENT
        CURRENT = self.saved


def show():
    return "CURRENT=" + CURRENT


with setting("temporary") as s:
    print(s, show())
    with setting("nested"):
        print(show())
    print(show())
print(show())


class Recorder:
    def __init__(self):
        self.events = []

    def section(self, name):
        recorder = self

        class Section:
            def __enter__(self):
                recorder.events.append("begin " + name)

            def __exit__(self, t, v, tb):
                recorder.events.append("end " + name + (" (failed)" if t else ""))

        return Section()


rec = Recorder()
with rec.section("setup"):
    pass
try:
    with rec.section("work"), rec.section("step"):
        [][0]
except IndexError:
    pass
print(rec.events)

# The manager expression can be any expression, a walrus included.
with (m := Indenter()) as same:
    print(m is same, m.level)
with [Indenter(), Indenter()][1] as second:
    print(second.level)
