for s in ["plain", "it's", 'say "hi"', "both ' and \"", "", "\\", "\n", "\ud800" if False else "ok"]:
    print(repr(s), str(s), len(repr(s)))
print(repr(["a", "b'"]), repr(("x",)), str(["a"]))
