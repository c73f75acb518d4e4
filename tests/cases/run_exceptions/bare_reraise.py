# Bare raise re-raises the exception being handled, keeping its traceback.
def inner():
    return [1, 2][5]

def middle():
    try:
        inner()
    except IndexError as e:
        print("middle saw", e)
        raise

def outer():
    try:
        middle()
    except IndexError:
        print("outer saw it too")
        raise

outer()
