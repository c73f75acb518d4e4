x = "hi\n"
n = 42
print(f"{x}|{x!r}|{x!s}|{x!a}")
print(f"{'é'!a} {'é'!r}")
print(f"{n!r:>6}|{x!r:>10}|{x!r:<8}|")
print(f"{n=}", f"{n + 1 = }", f"{x=!s}", f"{n=:05d}")
print(f"{{literal}} {n}{{}}")
print(f"{'nested ' + f'{n:x}'}")
w = 10
p = 3
print(f"{3.14159:{w}.{p}f}|")
print(f"{[1, 2]} {(1,)} {None} {True}")
