# Nested try statements and handlers inside handlers.
def level(n):
    try:
        try:
            try:
                if n == 0:
                    raise KeyError("zero")
                if n == 1:
                    raise IndexError("one")
                return "no error"
            except KeyError as e:
                return "innermost caught " + repr(e)
        except IndexError as e:
            try:
                raise ValueError("from handler") from e
            except ValueError as v:
                return "middle caught %r (cause %r)" % (v, v.__cause__)
    finally:
        print("outer finally for", n)

for n in range(3):
    print(level(n))

try:
    try:
        raise ValueError("a")
    except ValueError as first:
        try:
            raise TypeError("b")
        except TypeError as second:
            print(repr(second.__context__), second.__context__ is first)
            raise KeyError("c")
except KeyError as third:
    print(repr(third), repr(third.__context__), repr(third.__context__.__context__))

def swallow():
    try:
        raise ValueError("ignored")
    except ValueError:
        pass
    return "fine"

print(swallow())
