# A three-level chain mixing implicit context and explicit cause.
def load(name):
    try:
        return {"a": 1}[name]
    except KeyError:
        raise LookupError("cannot load " + name)

def config(name):
    try:
        return load(name)
    except LookupError as e:
        raise RuntimeError("config failed") from e

def main():
    try:
        config("b")
    except RuntimeError:
        print("first attempt failed")
    config("c")

main()
