# return/break/continue inside try and finally.
def f1():
    try:
        return "try"
    finally:
        print("finally runs before the return completes")

def f2():
    try:
        return "try"
    finally:
        return "finally overrides"

def f3():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed by return in finally"

def f4():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("x in finally", x)

def f5():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("finally", i)
    return i

def f6():
    while True:
        try:
            raise KeyError("k")
        finally:
            break
    return "break in finally swallowed the exception"

def f7():
    for i in range(3):
        try:
            try:
                return i
            finally:
                print("inner finally", i)
        finally:
            print("outer finally", i)

def f8():
    try:
        try:
            return "inner"
        finally:
            raise ValueError("from finally")
    except ValueError as e:
        return "caught " + str(e)

print(f1())
print(f2())
print(f3())
print(f4())
print(f5())
print(f6())
print(f7())
print(f8())
