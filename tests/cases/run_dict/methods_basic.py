d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("c", 3), d.setdefault("a", 99), d)
print(d.pop("b"), d.pop("q", "default"), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
print(d.popitem(), d)
e = d.copy()
e["new"] = 1
print(len(d), len(e))
d.clear()
print(d)
print(dict.fromkeys(["k1", "k2"], 0), dict.fromkeys("ab"))
