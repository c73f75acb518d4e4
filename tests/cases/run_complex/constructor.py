# complex() from numbers and strings, repr/str, attributes, hashing.
print(complex(), complex(1), complex(1.5), complex(True), complex(1, 2), complex(1.5, -2.5))
print(complex(1j), complex(1j, 1j), complex(1 + 2j, 3 + 4j), complex(imag=3), complex(real=2, imag=1))
for s in ["1+2j", " 3-4J ", "(5+6j)", " ( 7 ) ", "j", "-j", "+J", "2.5e3j", "1_000+2_0j",
          "inf", "-infj", "nan+nanj", "1e500j", ".5-.5j", "1.e2+1.E-2j"]:
    print(repr(s), complex(s))
for bad in ["", "1+", "1+2", "(1+2j", "1+2j)", "1j+2", "abc", "1__0j", "_1j", "1+2jj", " ", "1 + 2j"]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
for args in [("1", 2), (1, "2"), ([],), (1, []), (None,)]:
    try:
        complex(*args)
    except TypeError as e:
        print(args, "TypeError:", e)
try:
    complex(1, 2, 3)
except TypeError as e:
    print(e)
try:
    complex(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
print(repr(1j), repr(-1j), repr(0j), repr(-0j), repr(complex(0.0, -0.0)), repr(complex(-0.0, 0.0)))
print(repr(1e16j), repr(1.5e-7 + 2j), repr(complex(float("nan"), float("inf"))), str(2 + 3j))
print(hash(1j), hash(1 + 0j) == hash(1), hash(1.5 + 0j) == hash(1.5), hash(complex(-1, 0)), hash(3 - 4j))
d = {1: "one", 2.0: "two"}
print(d[1 + 0j], d[complex(2)], {1j: 1, 1j * 1: 2})
print(bool(0j), bool(1j), bool(complex(0, 0.0)), bool(complex(-0.0, 0)), not 0j)
print((1 + 2j).real, (1 + 2j).imag, (5).imag, (5.5).real, type(1j), type(1j).__name__)
print(isinstance(1j, complex), isinstance(1, complex), complex.conjugate(1 - 1j))
print(f"{1 + 2j}", "%s %r" % (1j, 2 + 0j), str(complex(1, -0.0)), [1j, (1+1j)])
print(sorted([3j, 1j], key=abs), max([1 + 1j, 3 + 0j, 2j], key=abs))
for spec in ["", ".2f", "10.3g", "<20", "^20.1e", "+", " ", "e", ".0f", "#.0f", "G", "n", ">15,.2f", "_.1f"]:
    print(repr(spec), repr(format(1234.5 - 2j, spec)), repr(format(2j, spec)), repr(format(-0.0 + 1.5j, spec)))
print(f"{3+4j:*^16.1f}|{1j:}|{complex(1e20, -1e-20):.3}")
for spec in ["010", "0<10", "=10", "d", "%"]:
    try:
        format(1j, spec)
    except ValueError as e:
        print(repr(spec), e)
