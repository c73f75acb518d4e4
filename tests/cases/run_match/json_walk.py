# A recursive walker over JSON-like data, and a small stack machine.
def walk(node, depth=0):
    pad = "  " * depth
    match node:
        case {"type": "object", "fields": {**fields}}:
            print(f"{pad}object with {len(fields)} field(s)")
            for k in sorted(fields):
                print(f"{pad} {k}:")
                walk(fields[k], depth + 1)
        case {"type": "array", "items": [*items]}:
            print(f"{pad}array of {len(items)}")
            for it in items:
                walk(it, depth + 1)
        case {"type": "string", "value": str(s)}:
            print(f"{pad}string {s!r}")
        case {"type": "number", "value": int(n) | float(n)}:
            print(f"{pad}number {n}")
        case {"type": ("true" | "false") as b}:
            print(f"{pad}bool {b}")
        case {"type": "null"}:
            print(f"{pad}null")
        case other:
            print(f"{pad}?? {other!r}")


doc = {"type": "object", "fields": {
    "name": {"type": "string", "value": "taipan"},
    "tags": {"type": "array", "items": [{"type": "number", "value": 3},
                                        {"type": "number", "value": 2.5},
                                        {"type": "true"}, {"type": "null"}]},
    "bad": {"type": "number", "value": "NaN"},
}}
walk(doc)


def run(program):
    stack = []
    for ins in program:
        match ins.split():
            case ["push", n]:
                stack.append(int(n))
            case ["pop"]:
                stack.pop()
            case ["add" | "mul" as op]:
                b, a = stack.pop(), stack.pop()
                stack.append(a + b if op == "add" else a * b)
            case ["dup", *times] if all(t.isdigit() for t in times):
                for _ in range(int(times[0]) if times else 1):
                    stack.append(stack[-1])
            case [cmd, *args]:
                print("unknown", cmd, args)
            case []:
                print("empty line")
    return stack


print(run(["push 2", "push 3", "add", "dup 2", "mul", "", "jump 4 5", "push 1", "pop"]))
