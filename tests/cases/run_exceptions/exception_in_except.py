# An exception raised while handling another one (uncaught: chained traceback).
def parse(s):
    try:
        return int(s)
    except ValueError:
        return {}[s]

print(parse("12"))
parse("oops")
