# `raise e` adds the re-raising line to the traceback; bare `raise` does not.
def work():
    return 1 / 0

def explicit():
    try:
        work()
    except ZeroDivisionError as e:
        print("re-raising explicitly")
        raise e

def again():
    try:
        explicit()
    except ZeroDivisionError as err:
        saved = err
    raise saved

again()
