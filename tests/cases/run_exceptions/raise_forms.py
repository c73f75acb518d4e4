# The forms of raise: classes, instances, causes, invalid objects.
def attempt(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__, repr(e), repr(e.__cause__), e.__suppress_context__)

def r1():
    raise ValueError

def r2():
    raise ValueError("with message")

def r3():
    raise ValueError("x") from KeyError

def r4():
    raise ValueError from KeyError("k")

def r5():
    raise 5

def r6():
    raise ValueError from 5

def r7():
    raise "string"

def r8():
    raise OSError

def r9():
    raise TypeError("t") from None

for f in [r1, r2, r3, r4, r5, r6, r7, r8, r9]:
    attempt(f)

def r10():
    raise int
attempt(r10)
e = ValueError("reused")
for i in range(2):
    try:
        raise e
    except ValueError as caught:
        print(caught is e, len(repr(caught)))
