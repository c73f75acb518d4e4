# Mapping patterns: dicts (and subclasses) match, extra keys are allowed,
# `**rest` gets a new dict of the other items.
def m(v):
    match v:
        case {"action": "move", "x": x, "y": y}:
            return f"move to {x},{y}"
        case {"action": "say", "text": str(text)}:
            return f"say {text!r}"
        case {"action": action, **rest}:
            return f"unknown action {action} with {rest}"
        case {}:
            return f"some mapping of {len(v)}"
        case _:
            return "not a mapping"


for v in [{"action": "move", "x": 1, "y": 2},
          {"action": "move", "x": 1},
          {"action": "say", "text": "hi", "extra": 0},
          {"action": "say", "text": 5},
          {"action": "jump", "height": 3, "speed": 4},
          {"other": 1},
          {},
          [("action", "move")],
          "action",
          None]:
    print(m(v))

# Non-string keys, and keys from value patterns.
class K:
    ONE = 1


match {1: "a", 2.5: "b", None: "c", (1, 2): "d", b"k": "e"}:
    case {K.ONE: a, 2.5: b, None: c, b"k": e, **others}:
        print(a, b, c, e, others)

# `**rest` copies: changing it leaves the subject alone.
d = {"a": 1, "b": 2, "c": 3}
match d:
    case {"a": _, **rest}:
        rest["z"] = 26
        print(rest, d)
match d:
    case {**everything}:
        print(everything, everything is d)

# Numeric keys unify: 1, 1.0 and True are the same key.
match {1: "one"}:
    case {True: v}:
        print("True found", v)
match {1.0: "float one"}:
    case {1: v}:
        print("1 found", v)

# Values that are None are present.
match {"k": None}:
    case {"k": None}:
        print("None value matched")
