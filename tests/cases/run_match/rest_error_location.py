# `**rest` copies the subject with dict.update, then deletes the matched
# keys: a key that `get` found but the copy lacks is a KeyError, reported
# at the last sub-pattern.
class Pretend(dict):
    def get(self, key, default=None):
        return super().get(key, f"pretend {key}")


match Pretend(real=1):
    case {"ghost": g}:
        print("get made up", repr(g))

match Pretend(real=1):
    case {"real": 1, **rest}:
        print("rest", rest)

match Pretend(real=1):
    case {"ghost": g,
          **rest}:
        print("wrong", rest)
