#!/usr/bin/env python3
"""Generate the expected outputs of the `ast.dump` unit tests (src/syntax/dump.rs)
from CPython 3.11. Run from the repository root:

    python3 tools/gen_dump_expected.py

For every case NAME below it writes src/syntax/dump_testdata/NAME.{line,indent}.txt
(`indent=None` and `indent=3`) and, for cases marked with attributes,
NAME.attrs.txt (`indent=3, include_attributes=True`) and NAME.attrs_line.txt.
The unit tests build the same trees by hand and compare.
"""
import ast
import sys

assert sys.version_info[:2] == (3, 11), "run with CPython 3.11"

STMTS = '''\
@dec
async def f(a, /, b: int = 1, *args, c, d=2, **kw) -> r:
    """doc"""
    return
def g():
    return x
class C(B, metaclass=M):
    pass
del x, y[0]
x = y = 1.5
x += 1
x: int = 2
(x): int
async for i in it:
    break
else:
    continue
for i in it:
    pass
while t:
    pass
if a:
    pass
elif b:
    pass
async with a as b, c:
    pass
raise E from e
raise
try:
    pass
except* E as e:
    pass
else:
    pass
finally:
    pass
try:
    pass
except:
    pass
assert x, 'msg'
import os.path as p, sys
from .. import a as b
from m import *
global g
nonlocal n
'''

EXPRS = '''\
a and b or c
(y := 1)
-x + y * z
not x
lambda: 0
lambda x, *, k=None, **kw: x
a if b else c
{1: 2, **d}
{1, 2}
[x for x in y if x if z]
{x for x in y}
{k: v async for k, v in y}
(x for x in y)
await x
yield
yield x
yield from x
1 < 2 <= 3 is not None
f(a, *b, c=1, **d)
f'{x!r:>{w}} {y}'
u'u'
b'by\\'tes'
1j
...
True
a.b
a[1:2, ::3]
a[:]
[*a] = x
()
(1,)
12345678901234567890123
-0.5e-7
'it\\'s'
'''

MATCH = '''\
match x:
    case 1 | None:
        pass
    case [a, *rest] if a:
        pass
    case {'k': v, **kw}:
        pass
    case P(1, k=v):
        pass
    case _:
        pass
    case (a as b):
        pass
    case [*_]:
        pass
'''

ATTRS = '''\
x = f(a, k=1)
def g(p: int = 0):
    import os as o
    try:
        pass
    except E as é:
        return p.q[1:]
match y:
    case [1, *r] | {'k': _}:
        pass
'''

TYPE_COMMENTS = '''\
def f(a,  # type: int
      ):
    # type: (...) -> None
    pass
x = 1  # type: int
for i in y:  # type: ignore[foo]
    pass
with a:  # type: int
    pass
z = 1  # type: ignore
'''

CASES = [
    ("stmts", ast.parse(STMTS), False),
    ("exprs", ast.parse(EXPRS), False),
    ("match", ast.parse(MATCH), False),
    ("attrs", ast.parse(ATTRS), True),
    ("type_comments", ast.parse(TYPE_COMMENTS, type_comments=True), False),
    ("expression", ast.parse("x", mode="eval"), True),
    ("interactive", ast.parse("pass", mode="single"), True),
    ("func_type", ast.parse("(int, *str) -> None", mode="func_type"), True),
]

for name, tree, attrs in CASES:
    base = "src/syntax/dump_testdata/" + name
    with open(base + ".line.txt", "w") as f:
        f.write(ast.dump(tree))
    with open(base + ".indent.txt", "w") as f:
        f.write(ast.dump(tree, indent=3))
    if attrs:
        with open(base + ".attrs.txt", "w") as f:
            f.write(ast.dump(tree, indent=3, include_attributes=True))
        with open(base + ".attrs_line.txt", "w") as f:
            f.write(ast.dump(tree, include_attributes=True))
