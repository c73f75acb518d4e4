d = {"k": "v", "n": 3}
items = [1, 2, 3]
print(f"{d['k']} {d['n'] * 2} {items[-1]} {len(items)}")
print(f"{'-'.join(str(i) for i in items)}")
print(f"{items!r:^15}|{'q':*>3}|{d['n']:03}")
print(f"{3 if d else 4} {(lambda x: x * 2)(5)} {[i * i for i in items]}")
width = 8
print(f"[{'left':<{width}}][{'right':>{width}}][{12.5:^{width}.1f}]")
print(f"{10:#x}{'':2}{-5:+d}")
