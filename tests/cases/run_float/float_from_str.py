for s in ["1", "  2.5  ", "-3.25", "+4e2", "1e-3", ".5", "5.", "1_000.5", "inf", "-iNF", "nan", "1E5", "0x10" if False else "16"]:
    print(repr(s), float(s))
print(float(10), float(True), float(-0))
print(float("0.1") == 0.1, float("1e400"), float("-1e400"), float("1e-400"))
