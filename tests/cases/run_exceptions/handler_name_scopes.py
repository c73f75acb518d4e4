# `except ... as name` for locals, cell variables and globals.
def with_cell():
    try:
        raise ValueError("captured")
    except ValueError as e:
        def get():
            return e
        print("closure sees", repr(get()))
    try:
        return get()
    except NameError as err:
        return "NameError: " + str(err)

print(with_cell())

def rebinds():
    e = "local"
    try:
        raise KeyError(1)
    except KeyError as e:
        pass
    try:
        return e
    except UnboundLocalError as err:
        return "UnboundLocalError: " + str(err)

print(rebinds())

def nonlocal_user():
    err = None
    def inner():
        nonlocal err
        try:
            1 / 0
        except ZeroDivisionError as err:
            pass
    inner()
    return err

try:
    nonlocal_user()
except NameError as e:
    print("NameError:", e)

for i in range(3):
    try:
        raise IndexError(i)
    except IndexError as exc:
        last = exc
print(repr(last), "exc" in dir())
