# A bare raise with nothing being handled.
def f():
    raise

try:
    f()
except RuntimeError as e:
    print("RuntimeError:", e)

try:
    raise ValueError("x")
except ValueError:
    pass
try:
    raise
except RuntimeError as e:
    print("after the handler ended:", e)

raise
