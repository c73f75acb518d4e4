cfg = {"db": {"host": "localhost", "ports": [5432, 5433]}, "debug": False}
print(cfg["db"]["ports"][1])
cfg["db"]["user"] = "root"
print(cfg)
print(repr({}), repr({"a": {}}), str({"q": "'"}))
d = {}
d["self"] = d
print(d)
