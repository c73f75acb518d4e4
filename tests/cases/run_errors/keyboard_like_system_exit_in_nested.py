import sys
def inner():
    print("inner")
    sys.exit(5)
def outer():
    inner()
    print("unreachable")
outer()
