# The `as` name is deleted when the handler ends.
e = "before"
try:
    1 / 0
except ZeroDivisionError as e:
    print("inside", type(e).__name__)
try:
    print(e)
except NameError as err:
    print("NameError:", err)

def f():
    x = 1
    try:
        raise KeyError(x)
    except KeyError as x:
        pass
    return x

try:
    f()
except UnboundLocalError as err:
    print("UnboundLocalError:", err)

def g():
    try:
        raise ValueError
    except ValueError as v:
        del v
    return "deleting it inside is fine"

print(g())
print("global e exists:", "e" in globals())
