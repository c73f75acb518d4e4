"""Generate the test vectors of src/runtime (int, float, format) by running
CPython 3.11: `python3.11 tools/gen_numeric_vectors.py`.

Each vector file has one case per line, tab-separated: the operation, its
arguments, and the expected result. Ints are written in decimal, floats as
repr() (which reads back exactly), strings as repr() (Python literal syntax,
decoded by the Rust tests with a tiny unescaper); errors as `!Kind: message`.
"""
import math
import random
import sys

sys.set_int_max_str_digits(0)
assert sys.version_info[:2] == (3, 11), sys.version
rnd = random.Random(20240611)
OUT = "src/runtime/testdata/"


def res(f):
    try:
        return enc(f())
    except Exception as e:
        return "!%s: %s" % (type(e).__name__, e)


def enc(v):
    if isinstance(v, bool):
        return str(int(v))
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, complex):
        return "complex"
    if isinstance(v, tuple):
        return " ".join(enc(x) for x in v)
    if isinstance(v, str):
        return repr(v)
    raise TypeError(v)


def write(name, lines):
    with open(OUT + name, "w") as f:
        for l in lines:
            assert "\n" not in l
            f.write(l + "\n")
    print(name, len(lines))


# ---------------------------------------------------------------- ints
small = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, 255, -256, 2**31 - 1, -2**31, 2**53 - 1, 2**53 + 1,
         -(2**53) - 1, 2**62, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64 - 1, 2**64, 2**64 + 1,
         10**20, -10**20, 3**100, -(7**80), 2**128 - 1, -(2**127)]
for bits in (5, 20, 40, 62, 63, 64, 65, 100, 200, 500):
    for _ in range(1):
        v = rnd.getrandbits(bits) | 1
        small.append(v if rnd.random() < 0.5 else -v)

lines = []
binops = {
    "add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
    "floordiv": lambda a, b: a // b, "mod": lambda a, b: a % b, "divmod": divmod,
    "truediv": lambda a, b: a / b, "and": lambda a, b: a & b, "or": lambda a, b: a | b,
    "xor": lambda a, b: a ^ b, "cmp": lambda a, b: (a > b) - (a < b),
}
for a in small:
    for b in small:
        for op, f in binops.items():
            lines.append("%s\t%d\t%d\t%s" % (op, a, b, res(lambda: f(a, b))))
# truediv precision: random quotients incl. subnormal and overflow ranges
for _ in range(400):
    a = rnd.getrandbits(rnd.randrange(1, 1200)) * rnd.choice((1, -1))
    b = rnd.getrandbits(rnd.randrange(1, 1200)) or 1
    lines.append("truediv\t%d\t%d\t%s" % (a, b, res(lambda: a / b)))
for _ in range(100):
    a = rnd.getrandbits(60)
    b = rnd.getrandbits(1120) | (1 << 1119)
    lines.append("truediv\t%d\t%d\t%s" % (a, b, res(lambda: a / b)))
shifts = [0, 1, 3, 31, 32, 62, 63, 64, 65, 100, 1000, -1, -64, 2**70]
for a in small:
    for s in shifts:
        lines.append("lshift\t%d\t%d\t%s" % (a, s, res(lambda: a << s)))
        lines.append("rshift\t%d\t%d\t%s" % (a, s, res(lambda: a >> s)))
exps = [0, 1, 2, 3, 5, 10, 31, 62, 63, 64, 100, -1, -2, -3, -100, -2000]
for a in small[:30]:
    for e in exps:
        lines.append("pow\t%d\t%d\t%s" % (a, e, res(lambda: a ** e)))
mods = [1, -1, 2, 7, -7, 10**9 + 7, 2**64 + 13, -(3**50), 0, 12]
for a in small[:30]:
    for e in [0, 1, 5, 10**20, -1, -3]:
        for m in mods:
            lines.append("pow3\t%d\t%d\t%d\t%s" % (a, e, m, res(lambda: pow(a, e, m))))
for a in small:
    lines.append("neg\t%d\t%s" % (a, res(lambda: -a)))
    lines.append("abs\t%d\t%s" % (a, res(lambda: abs(a))))
    lines.append("invert\t%d\t%s" % (a, res(lambda: ~a)))
    lines.append("bit_length\t%d\t%s" % (a, res(lambda: a.bit_length())))
    lines.append("float\t%d\t%s" % (a, res(lambda: float(a))))
    lines.append("hash\t%d\t%s" % (a, res(lambda: hash(a))))
    lines.append("bin\t%d\t%s" % (a, res(lambda: bin(a))))
    lines.append("oct\t%d\t%s" % (a, res(lambda: oct(a))))
    lines.append("hex\t%d\t%s" % (a, res(lambda: hex(a))))
    for nd in [0, 5, -1, -2, -5, -19, -20, -21, -100, -400]:
        lines.append("round\t%d\t%d\t%s" % (a, nd, res(lambda: round(a, nd))))
for v in [2**1023, 2**1024 - 2**970, 2**1024 - 2**970 - 1, 2**1024 - 2**971, 2**1024, -(2**1024),
          2**53 + 1, 2**54 + 3, 2**64 - 1, 10**308, 10**309]:
    lines.append("float\t%d\t%s" % (v, res(lambda: float(v))))
for v in [5, 15, 25, 35, 45, 50, 150, 250, -25, -35, 10**30 + 5 * 10**10]:
    for nd in [-1, -2, -10, -11]:
        lines.append("round\t%d\t%d\t%s" % (v, nd, res(lambda: round(v, nd))))
for v in [10**4299, -(10**4299), 10**4300 - 1, 10**4300, -(10**4300), 2**14300, 7**6000]:
    sys.set_int_max_str_digits(4300)
    r = res(lambda: str(v))
    sys.set_int_max_str_digits(0)
    lines.append("str\t%d\t%s" % (v, r))
parse_cases = ["0", "12", " 12 ", "-12", "+12", "- 12", "1_000", "_1", "1_", "1__0", "0x1f", "0X1F",
               "0o17", "0b101", "0_7", "07", "00", "0_0", "0x_1f", "0x", "", "  ", "abc", "z", "Z",
               "\u0661\u0662\u0663", "\u00a012\u2003", "1\u00a0", "12e3", "1.5", "9" * 30,
               "-" + "9" * 30, "0b1", "0xg", "1 2", "\t\n42\x0b\x0c\r", "\x1c7\x1f", "٣x", "1" * 4300,
               "1" * 4301, "1" * 4301 + "x", "x" + "1" * 4301, "+", "-", "+-1", "ß", "0x" + "f" * 5000]
bases = [10, 0, 2, 8, 16, 36, 1, 37, 3, 7]
sys.set_int_max_str_digits(4300)
for s in parse_cases:
    for b in bases if len(s) < 100 else bases[:2]:
        lines.append("parse\t%s\t%d\t%s" % (repr(s), b, res(lambda: int(s, b) % (10**50 + 7))))
sys.set_int_max_str_digits(0)
floats = [0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 1e16, 1e300, -1e300, 5e-324, 2.0**63, -(2.0**63),
          2.0**64, 9.3e18, 123456789.987, float("inf"), float("-inf"), float("nan"), 1e22 + 0.0]
for x in floats:
    lines.append("from_float\t%r\t%s" % (x, res(lambda: int(x))))
write("int.txt", lines)

# ---------------------------------------------------------------- floats
fl = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, 0.1, -0.1, 1.5, 2.5, -2.5, 7.0, -7.0, 1e-300,
      5e-324, 1e300, 1.7976931348623157e308, float("inf"), float("-inf"), float("nan"), 1e16, 3.7, -3.7,
      0.3333333333333333, 100.0, 2.0**52 + 0.5, -(2.0**60), 1e-5]
for _ in range(12):
    fl.append(rnd.uniform(-1000, 1000))
lines = []
fops = {"floordiv": lambda a, b: a // b, "mod": lambda a, b: a % b, "divmod": divmod,
        "truediv": lambda a, b: a / b, "pow": lambda a, b: fpow(a, b)}


def fpow(a, b):
    # A negative base with a non-integral exponent: CPython computes
    # complex(a) ** complex(b) (which can raise 'complex exponentiation').
    if a < 0 and math.isfinite(a) and math.isfinite(b) and b != math.floor(b):
        return 1j
    return a ** b

for a in fl:
    for b in fl:
        for op, f in fops.items():
            lines.append("%s\t%r\t%r\t%s" % (op, a, b, res(lambda: f(a, b))))
for a in fl:
    lines.append("round0\t%r\t%s" % (a, res(lambda: round(a))))
    lines.append("hash\t%r\t%s" % (a, "nan" if a != a else res(lambda: hash(a))))
    lines.append("is_integer\t%r\t%s" % (a, res(lambda: a.is_integer())))
    lines.append("ratio\t%r\t%s" % (a, res(lambda: a.as_integer_ratio())))
    for nd in [0, 1, 2, 3, 5, 10, 17, 300, 400, -1, -2, -5, -300, -308, -309, -400]:
        lines.append("round\t%r\t%d\t%s" % (a, nd, res(lambda: round(a, nd))))
for _ in range(300):
    x = round(rnd.uniform(-10, 10), rnd.randrange(1, 6)) + rnd.choice((0, 0.005, 0.0005, 0.5))
    nd = rnd.randrange(-2, 6)
    lines.append("round\t%r\t%d\t%s" % (x, nd, res(lambda: round(x, nd))))
for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 1e20, 4503599627370495.5, 0.49999999999999994]:
    lines.append("round0\t%r\t%s" % (x, res(lambda: round(x))))
for x in [1e308, 1.5e308, 5e307, 1.7976931348623157e308]:
    for nd in [-305, -306, -307, -308]:
        lines.append("round\t%r\t%d\t%s" % (x, nd, res(lambda: round(x, nd))))
for _ in range(200):
    x = rnd.choice([rnd.uniform(-1e6, 1e6), rnd.uniform(-1, 1) * 10 ** rnd.randrange(-320, 308),
                    float(rnd.getrandbits(60))])
    lines.append("hash\t%r\t%s" % (x, res(lambda: hash(x))))
    lines.append("ratio\t%r\t%s" % (x, res(lambda: x.as_integer_ratio())))
fparse = ["1", " 1.5 ", "-1.5", "+.5", "5.", ".", "e5", "1e5", "1E-5", "1e", "1e+", "inf", "-inf", "+INF",
          "infinity", "-Infinity", "infinit", "nan", "-NaN", "+nan", "nan1", "1_0.5", "1__0", "_1", "1_",
          "1._5", "1_.5", "1e5_0", "1e_5", "0x10", "", "   ", "1 2", "\u0661.\u0665", "\u00a01.5\u2003",
          "1.5\x00", "0.1", "1e400", "-1e400", "1e-400", "2.5e-324", "2.4703282292062328e-324",
          "9007199254740993", "0.30000000000000004", "00012", "1.e5", "-.e5", "i", "n_an", "1e5.5",
          "123456789012345678901234567890e-10", "  -0.0  ", "٣x"]
for s in fparse:
    lines.append("parse\t%s\t%s" % (repr(s), res(lambda: float(s))))
ints_for_cmp = [0, 1, -1, 2**53, 2**53 + 1, -(2**53) - 1, 2**63, 2**63 - 1, -(2**63), 2**64, 10**30,
                -(10**30), 2**1024, -(2**1024), 3]
fl_cmp = [0.0, -0.0, 1.0, 0.5, -0.5, 2.0**53, 2.0**53 + 2, 2.0**63, -(2.0**63), 2.0**64, 1e30, -1e30,
          1e308, float("inf"), float("-inf"), float("nan"), 2.9999999999999996, 3.0000000000000004]
for x in fl_cmp:
    for i in ints_for_cmp:
        lines.append("cmp\t%r\t%d\t%s" % (x, i, "nan" if x != x else res(lambda: (x > i) - (x < i))))
write("float.txt", lines)

# ---------------------------------------------------------------- format
SEP = "\x1f"


def encv(v):
    if isinstance(v, bool):
        raise TypeError
    if isinstance(v, int):
        return "i:%d" % v
    if isinstance(v, float):
        return "f:%r" % v
    if isinstance(v, str):
        return "s:%r" % v
    raise TypeError(v)


lines = []
int_vals = [0, 1, -1, 7, -42, 255, 1234567, -1234567, 65, 10**20, -(2**70), 0x10FFFF, 0x110000]
int_specs = ["", "d", "5", "<5", ">5", "^6", "=6", "*^7", "+", "-", " ", "+5", "05", "010", "08,", "09,",
             "010,", "_", ",", "_d", ",d", "b", "#b", "o", "#o", "x", "#x", "X", "#X", "#010x", "_x",
             "#_b", ",x", "c", "5c", "05c", "+c", "#c", "n", ",n", "e", ".2e", "f", ".3f", "g", "%", ".1%",
             "E", "G", "z", ".2", "q", "abc", "s", ",_", "_,", ".", "99999999999999999999", "x<10",
             "0<5", "0>5", "0^5", "0=5", "=+08", " =8", "+#x", "-#o", "#5", "0", "00", "+010_", ",c",
             "é>6", "\x01", "#d", "#n", "=", "<", "^"]
for v in int_vals:
    for spec in int_specs:
        lines.append("fint\t%d\t%r\t%s" % (v, spec, res(lambda: format(v, spec))))
float_vals = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 3.14159, -3.14159, 1234567.891, 1e16, 1e-5, 1e-4,
              123456789.0, 1e22, 1.5e300, 5e-324, 0.1, 2.0/3, float("inf"), float("-inf"), float("nan"),
              -0.00001, 100.0, 0.999999, 9.9999999, 1e100]
float_specs = ["", "f", ".0f", ".2f", ".10f", "e", ".0e", ".3e", "E", "g", ".0g", ".1g", ".3g", ".10g",
               "G", "%", ".1%", ".0%", "n", ".3n", ".2", ".1", ".5", ".17", "10", "<10", "^12", "=+12", "012",
               "012.3f", ",", ",.2f", "_.3f", ",g", "_e", "+", " ", "+.2e", "#", "#.0f", "#.0e", "#g",
               "#.3g", "#.0", "z", "z.1f", "z.0f", "-z.2f", "+z.3g", "z%", "x", "d", "c", "s", "abc",
               ",n", "020,.2f", "0=20,.2f", "*^20.3e", "#20.0f", "10.2%", ".100f", ".30e", ".25g",
               ",.0f", ",.1f", "_", "08,", "09,", ".3F", "F", "E", "#G", "#.2G", "z.2e"]
for v in float_vals:
    for spec in float_specs:
        lines.append("ffloat\t%r\t%r\t%s" % (v, spec, res(lambda: format(v, spec))))
str_vals = ["", "a", "abc", "héllo", "日本語", "x" * 12]
str_specs = ["", "s", "5", "<5", ">5", "^5", "^6", "*^7", ".2", "5.1", ".0", "05", "0>5", "=5", "+", "#",
             "z", ",", "_s", "d", "x", "abc", ".", "é<8", ">10.3s", "010", "^", "<"]
for v in str_vals:
    for spec in str_specs:
        lines.append("fstr\t%r\t%r\t%s" % (v, spec, res(lambda: format(v, spec))))

pct = [
    ("%s", ("abc",)), ("%s", "abc"), ("%r", "abc"), ("%a", "h\xe9"), ("%5s|", "ab"), ("%-5s|", "ab"),
    ("%.2s", "abcd"), ("%5.1s|", "abc"), ("%d", 42), ("%d", -42), ("%i %u", (1, 2)), ("%5d|", 42),
    ("%-5d|", 42), ("%05d", -42), ("%+d", 42), ("% d", 42), ("%+ d", 42), ("%.3d", 7), ("%+.3d", -7),
    ("%x", 255), ("%X", 255), ("%#x", 255), ("%#X", 255), ("%#o", 8), ("%o", -8), ("%#5x|", 255),
    ("%#05x|", 255), ("%-#8x|", 255), ("%#.4x", 255), ("%#010.4x|", -255), ("%d", 2.7), ("%d", -2.7),
    ("%x", 2.5), ("%d", "a"), ("%x", "a"), ("%f", "a"), ("%f", 1.5), ("%f", 7), ("%.2f", 3.14159),
    ("%10.3f|", -3.14159), ("%-10.3f|", 3.14159), ("%010.3f|", -3.14159), ("%+.1f", 2.25),
    ("%e", 12345.678), ("%.0e", 12345), ("%E", 1e-10), ("%g", 1e-5), ("%g", 123456789), ("%G", 1e20),
    ("%#g", 1.0), ("%#.0f", 1.0), ("%.3g", 0.0001234), ("%f", float("inf")), ("%F", float("nan")),
    ("%5.1f%%", 99.5), ("%c", 65), ("%c", "z"), ("%c", "ab"), ("%c", 1.5), ("%c", 0x110000), ("%c", -1),
    ("%5c|", 66), ("%-3c|", "q"), ("%%", ()), ("%5%", ()), ("%s %s", (1,)), ("%s", (1, 2)), ("%s", ()),
    ("%y", 1), ("%y", ()), ("abc %y", 1), ("%\x01", 1), ("%é", 1), ("%", ()), ("%5", 1), ("%.", 1),
    ("%*d|", (5, 1)), ("%*d|", (-5, 1)), ("%.*f", (2, 3.14159)), ("%*.*f|", (8, 2, 3.14159)),
    ("%*d", ("a", 1)), ("%.*f", (2.5, 1.0)), ("%ld %hd %Ld", (1, 2, 3)), ("%s", 1), ("%r", 1.0),
    ("%s and %r", ("x", "y")), ("%(a)s %(b)d", {"a": "A", "b": 2}), ("%(a)s %s", {"a": 1}),
    ("%(a)s", 1), ("%(a", {}), ("%((a))s", {"(a)": 5}), ("%s", {"a": 1}), ("%(a)*d", {"a": 1}),
    ("%(a)-5d|", {"a": 3}), ("%d", 10**30), ("%x", -(10**30)), ("%.50d", 1), ("%30.20x|", 2**64),
    ("%#o", 0), ("%#x", 0), ("%+x", 255), ("% o", 8), ("%0-5d|", 3), ("%-05d|", 3), ("%#-8o|", 8),
    ("%+#x", 255), ("%.0s|", "abc"), ("%-+5d|", 3), ("%a", "abc"), ("%r", "it's"), ("%3r|", "a"),
    ("%d%%", 50), ("%s %% %s", (1, 2)), ("%(x)s%(x)s", {"x": "y"}), ("%-*d|", (4, 1)), ("%5%", (1,)),
    ("%-%", (1,)), ("%(a)%", {"a": 1}), ("%.%", (2,)), ("%%%s%%", "x"),
]
for fmt, args in pct:
    if isinstance(args, tuple):
        kind, vals = "T", list(args)
    elif isinstance(args, dict):
        kind, vals = "M", ["k:%s=%s" % (k, encv(v)) for k, v in args.items()]
    else:
        kind, vals = "S", [args]
    enc_vals = [v if isinstance(v, str) and v.startswith("k:") else encv(v) for v in vals]
    lines.append("pct\t%r\t%s\t%s\t%s" % (fmt, kind, SEP.join(enc_vals), res(lambda: fmt % args)))


class Kw(dict):
    pass


fmts = [
    ("{}", (1,), {}), ("{} {}", (1, "a"), {}), ("{0} {0}", (1,), {}), ("{1} {0}", (1, 2), {}),
    ("{a}", (), {"a": 5}), ("{a} {}", (1,), {"a": 5}), ("{}{0}", (1,), {}), ("{0}{}", (1,), {}),
    ("{}", (), {}), ("{a}", (), {}), ("{0:5}|", (1,), {}), ("{0:<5}|", ("ab",), {}),
    ("{0:{1}}|", (1, 5), {}), ("{:{}}|", (1, 5), {}), ("{:{}.{}f}", (3.14159, 8, 2), {}),
    ("{0:{1}{2}}", (1, ">", 4), {}), ("{:{:{}}}", (1, 2, 3), {}), ("{!r}", ("a",), {}), ("{!s}", ("a",), {}),
    ("{!a}", ("\xe9",), {}), ("{0!r:>5}", ("a",), {}), ("{!x}", (1,), {}), ("{!}", (1,), {}),
    ("{!", (1,), {}), ("{0!rr}", (1,), {}), ("{0!r", (1,), {}), ("{0:", (1,), {}), ("{0:{", (1,), {}),
    ("{0", (1,), {}), ("{", (), {}), ("}", (), {}), ("a}b", (), {}), ("{{}}", (), {}), ("{{{0}}}", (1,), {}),
    ("}}{{", (), {}), ("x{{", (), {}), ("{0[1]}", ("abc",), {}), ("{0[}", (1,), {}), ("{0[1}", ("ab",), {}),
    ("{0.}", (1,), {}), ("{0.}", (), {}), ("{0.real}", (1,), {}), ("{0.imag}", (1,), {}),
    ("{0[0]x}", ("ab",), {}), ("{0]}", (1,), {}), ("{a[0]}", (), {"a": "xy"}), ("{0[a]}", ("ab",), {}),
    ("{" + "9" * 30 + "}", (), {}), ("{0:" + "9" * 30 + "}", (1,), {}), ("{:d}", ("a",), {}),
    ("{:s}", (1,), {}), ("{:,}", (1234567,), {}), ("{:_x}", (2**40,), {}), ("{:%}", (0.25,), {}),
    ("{a{}", (), {}), ("{0{}", (), {}), ("{0:}}", (1,), {}), ("{:}", ("a",), {}), ("{:{{}}}", (1,), {}),
    ("{0!r:{1}}", ("a", 5), {}), ("{}{}", (1,), {}), ("{[0]}", ("ab",), {}), ("{.real}", (3,), {}),
    ("{0[0][0]}", ("ab",), {}), ("{0..real}", (1,), {}), ("{0[0].real}", ("a",), {}), ("{0[]}", ("a",), {}),
    ("text only", (), {}), ("", (), {}), ("日{0}本", ("語",), {}), ("{0:^{1}}", ("é", 5), {}),
    ("{a:{b}}", (), {"a": 1, "b": 3}), ("{0!s:{1}}", (1.5, "^9"), {}), ("{0:{1}}", (1, "q"), {}),
    ("{\u0661}", ("x", "y"), {}), ("{0[0]\xe9}", ("ab",), {}), ("{0[0]\xe9", ("ab",), {}),
    ("{0.\xe9}", (1,), {}), ("\xe9{0}\xe9}}", (1,), {}), ("{0:\u0665}|", (1,), {}),
]
for fmt, args, kw in fmts:
    enc_a = SEP.join(encv(v) for v in args)
    enc_k = SEP.join("%s=%s" % (k, encv(v)) for k, v in kw.items())
    lines.append("sfmt\t%r\t%s\t%s\t%s" % (fmt, enc_a, enc_k, res(lambda: fmt.format(*args, **kw))))
write("format.txt", lines)
