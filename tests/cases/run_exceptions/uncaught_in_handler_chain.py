# An error in a handler two calls deep, uncaught: the printed chain
# shows both tracebacks.
def risky(d, k):
    return d[k]

def fallback(k):
    return int(k)

def get(d, k):
    try:
        return risky(d, k)
    except KeyError:
        return fallback(k)

print(get({"1": 1}, "1"))
print(get({}, "2"))
print(get({}, "three"))
