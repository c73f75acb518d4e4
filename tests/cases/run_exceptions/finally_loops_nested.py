# finally blocks run once each, innermost first, for every way out.
def trace(kind):
    log = []
    for i in range(3):
        try:
            try:
                log.append("t%d" % i)
                if kind == "break" and i == 1:
                    break
                if kind == "continue" and i == 1:
                    continue
                if kind == "return" and i == 1:
                    return log + ["returned"]
                if kind == "raise" and i == 1:
                    raise ValueError(i)
            finally:
                log.append("inner%d" % i)
        finally:
            log.append("outer%d" % i)
        log.append("end%d" % i)
    return log

for kind in ["none", "break", "continue", "return"]:
    print(kind, trace(kind))
try:
    trace("raise")
except ValueError as e:
    print("raise", repr(e))

def override():
    for i in range(3):
        try:
            return i
        finally:
            if i < 2:
                continue
    return "loop ended"

print(override())

def count():
    n = 0
    while True:
        try:
            n += 1
            if n == 5:
                return n
        finally:
            if n < 5:
                pass
            else:
                print("leaving at", n)

print(count())
