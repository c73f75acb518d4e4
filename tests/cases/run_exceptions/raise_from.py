# raise ... from ... (direct cause), printed as a chained traceback.
class_map = {"a": 1}

def lookup(key):
    try:
        return class_map[key]
    except KeyError as e:
        raise ValueError("no such key: " + key) from e

try:
    lookup("b")
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, repr(e.__context__))

lookup("zzz")
