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

def deleted_in_branch(c):
    x = 1
    if c:
        del x
    return x

def deleted_in_try():
    y = 1
    try:
        del y
    except KeyError:
        pass
    return y

def deleted_in_loop():
    z = 0
    for i in range(2):
        print("z is", z)
        del z

def param_deleted(p):
    try:
        raise ValueError
    except ValueError as p:
        pass
    return p

for f, args in [(deleted_in_branch, (True,)), (deleted_in_try, ()), (deleted_in_loop, ()),
                (param_deleted, (1,))]:
    try:
        f(*args)
    except UnboundLocalError as e:
        print(f.__name__, "UnboundLocalError:", e)
print(deleted_in_branch(False))
