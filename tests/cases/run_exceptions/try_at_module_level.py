# try statements at module level with global names.
import math
try:
    value = math.sqrt(-1)
except ValueError as err:
    value = None
    message = str(err)
print(value, message)
try:
    import no_such_module
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    math.no_attr
except AttributeError as e:
    print(e)
total = 0
for token in "1 2 x 4".split():
    try:
        total += int(token)
    except ValueError:
        total += 100
    else:
        total += 1000
print(total)
try:
    print(undefined_variable)
except NameError as e:
    print(e)
print("err" in globals(), "e" in globals())
try:
    undefined_function()
except NameError as e:
    print(e.name, e.args)
