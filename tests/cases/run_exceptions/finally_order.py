# Order of try/except/else/finally blocks.
def run(n):
    log = []
    try:
        log.append("try")
        if n == 1:
            raise ValueError("one")
        if n == 2:
            raise KeyError("two")
        log.append("end of try")
    except ValueError as e:
        log.append("except " + str(e))
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log

print(run(0))
print(run(1))
try:
    run(2)
except KeyError as e:
    print("propagated", e)

def nested():
    try:
        try:
            print("inner try")
            1 / 0
        finally:
            print("inner finally")
    except ZeroDivisionError:
        print("outer except")
    finally:
        print("outer finally")
    print("done")

nested()

def finally_only():
    try:
        print("body")
    finally:
        print("cleanup")
    return "returned"

print(finally_only())
