# Catching something that is not an exception class is a TypeError,
# raised while the original exception is being handled.
try:
    try:
        1 / 0
    except 5:
        print("no")
except TypeError as e:
    print("TypeError:", e, "| context:", type(e.__context__).__name__)

try:
    [].pop()
except (IndexError, "not a class"):
    print("still an error")
