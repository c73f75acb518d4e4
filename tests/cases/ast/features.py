import os, sys as system
from . import sibling
from ..pkg import (a as b, c)


@decorator(arg)
class Point(Base, metaclass=Meta):
    """Docstring."""

    x: int = 0

    def __init__(self, x, /, y=2, *args, z, w=3, **kwargs) -> None:
        self.x = x  # type: int
        super().__init__()

    async def fetch(self):
        async with session() as s, other():
            async for item in s:
                await item
        return [i async for i in aiter()]


def gen(n):
    total = 0
    for i in range(n):
        if i % 2 == 0 and not i > 10 or i is None:
            continue
        elif i in (1, 2):
            break
        else:
            total += i ** 2
    while total:
        total -= 1
    else:
        pass
    yield from other()
    x = yield total
    return lambda a, *b, c=1, **d: (a, b, c, d)


try:
    value = {1: 'a', **extra}[0]
except (ValueError, TypeError) as exc:
    raise RuntimeError("bad") from exc
except OSError:
    pass
else:
    del value
finally:
    assert True, "message"

data = [x for x in range(10) if x if x > 2]
squares = {x: x * x for x in data}
unique = {x for x in data}
gen_expr = (x for x in data)
sliced = data[1:2, ::3, ...]
s = f"{data!r:>{width}} and {value=}"
b = b"bytes" rb"\d"
n = -1 + 2j - 0x_ff + 1_000.5e-3 @ m
chained = 1 < x <= 2 != y
walrus = (y := 10)
star, *rest = data
cond = a if b else c
global_name = None


def scopes():
    global global_name
    nonlocal_holder = 1

    def inner():
        nonlocal nonlocal_holder
        nonlocal_holder = 2


match command.split():
    case [action]:
        pass
    case [Point(x=0, y=0) as p, *others] if others:
        pass
    case {"key": value, **rest}:
        pass
    case 1 | 2 | "three" | None | -1.5 | 1 + 2j:
        pass
    case _:
        pass

try:
    pass
except* (OSError, ValueError) as group:
    pass
