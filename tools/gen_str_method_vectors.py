#!/usr/bin/env python3
"""Generate src/builtins/testdata/str_methods.jsonl: expected results of `str`'s
methods from CPython 3.11, for the unit tests of src/builtins/str_methods.
Run from the repository root:

    /root/.pyenv/versions/3.11.7/bin/python3 tools/gen_str_method_vectors.py

One JSON array a line: [method, arg..., expected], where expected is
["ok", value] or ["err", exception class name, str(exception)]. Values: str,
int, bool, null, lists (a tuple of prefixes for startswith/endswith, the
result of split, ...); bytes are lists of ints. The methods and their
arguments mirror the Rust functions (see `call` in str_methods/tests.rs).
"""
import itertools
import json
import random
import sys

assert sys.version_info[:2] == (3, 11), "run with CPython 3.11"
rng = random.Random(20250611)
OUT = "src/builtins/testdata/str_methods.jsonl"

lines = []


def run(f):
    try:
        v = f()
    except Exception as e:  # noqa: BLE001 - every exception is a vector
        return ["err", type(e).__name__, str(e)]
    if isinstance(v, tuple):
        v = list(v)
    if isinstance(v, bytes):
        v = list(v)
    return ["ok", v]


def case(method, *args, f):
    lines.append(json.dumps([method, *args, run(f)], ensure_ascii=False))


STRS = [
    "", "a", "abc", "aaa", "abcabc", " a b  c ", "  ", "\t\n x \x1c y\u2028z\x85",
    "a,b,,c,", ",", "a\r\nb\rc\nd\x0be\x0cf\x1dg\x1eh\u2029i", "\r\n\r\n", "line\n",
    "ß", "İstanbul", "ΣΑΣ", "ὈΔΥΣΣΕΎΣ", "ﬁnance", "ǅemal ǈ", "éa€😀", "😀😀x😀",
    "\u3000ｆｕｌｌ\u3000", "١٢٣", "²³", "Ⅻ", "½", "hello world", "Hello World",
    "HELLO", "they're bill's friends", "ΑΣ ΑΣ'Α", "+42", "-7", "0x", "ǰ",
    "x\ty\tz", "ab\tc\n\td\r\te", "\u0130\u0131", "ŉ", "ΐ", "a\u0345b", "ᾳ ᾼ ῼ",
]
SUBS = ["", "a", "b", "ab", "abc", "x", ",", " ", "😀", "€", "Σ", "\n", "ss", "aa"]
IDX = [None, 0, 1, 2, -1, -2, -3, 3, 4, 5, 100, -100, 2**63 - 1, -2**63]

# find family, count, startswith/endswith
SOME = STRS[::2] + ["aaaa", "a😀b😀c", "€€a€", "abcabc", "ΣΑΣ"]
for s in SOME:
    for sub in SUBS:
        for start, end in rng.sample(list(itertools.product(IDX, IDX)), 4) + [(None, None)]:
            for m in ("find", "rfind", "count") + (("index", "rindex") if rng.random() < 0.3 else ()):
                case(m, s, sub, start, end, f=lambda: getattr(s, m)(sub, start, end))
            for m in ("startswith", "endswith"):
                case(m, s, sub, start, end, f=lambda: getattr(s, m)(sub, start, end))
        case("contains", s, sub, f=lambda: sub in s)
    for m in ("startswith", "endswith"):
        for tup in ([], ["x", "a"], ["", "zz"], ["😀", "b"], ["€€", "c"]):
            for start, end in [(None, None), (1, None), (None, -1), (5, 2)]:
                case(m, s, tup, start, end, f=lambda: getattr(s, m)(tuple(tup), start, end))

# split family
SEPS = [None, "", " ", ",", "a", "ab", "\n", "😀", "\u2028", "Σ"]
for s in STRS + ["a😀b😀😀c", "  a  b  c  ", "aXbXc", ",a,", "ababab"]:
    for sep in SEPS:
        for maxsplit in (-1, 0, 1, 3):
            for m in ("split", "rsplit"):
                case(m, s, sep, maxsplit, f=lambda: getattr(s, m)(sep, maxsplit))
        if sep is not None:
            for m in ("partition", "rpartition"):
                case(m, s, sep, f=lambda: getattr(s, m)(sep))
    for keep in (False, True):
        case("splitlines", s, keep, f=lambda: s.splitlines(keep))
    for chars in (None, "", "a", " ab", "😀x", "\n\t", "ΣΑ"):
        for m in ("strip", "lstrip", "rstrip"):
            case(m, s, chars, f=lambda: getattr(s, m)(chars))
    for sep in ("", ", ", "😀"):
        case("join", sep, s.split(), f=lambda: sep.join(s.split()))
    case("join", s, [], f=lambda: s.join([]))
    case("join", s, ["x"], f=lambda: s.join(["x"]))

# replace
for s in SOME + ["😀a😀"]:
    for old in ["", "a", "aa", "😀", "Σ", " ", "zz"]:
        for new in ["", "XYZ", "é€"]:
            for count in (-1, 0, 1, 2):
                case("replace", s, old, new, count, f=lambda: s.replace(old, new, count))

# case conversions and predicates
PREDS = ["isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "islower",
         "isupper", "istitle", "isidentifier", "isprintable", "isascii"]
CONVS = ["upper", "lower", "casefold", "swapcase", "title", "capitalize"]
ALPHABET = ("aAbB zZ1_'.:\u00ad\u0345ʰΣσςΑαßİıǅǆǄﬁŉ\u0300\u200d\t\n²١Ⅻ€😀𝐀"
            "ǰᾳᾼΐ\u02bc-\u2028\u0085\u00a0")
samples = list(STRS)
samples += ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 8))) for _ in range(600)]
samples += ["".join(p) for p in itertools.product("aΣ'. ", repeat=3)]
samples += ["AΣ", "AΣ'", "A'Σ", "A\u00adΣ\u00adb", "Σ", "ΣΣ", "aΣΣ", "ʰΣ", "AΣʰ", "1Σ", "aΣ1",
            "A\u0345Σ", "ΣA", "Hello World", "hELLO wORLD", "ǅ", "ǅa", "aǅ", "Ab Cd", "AB",
            "A1b", "_", "_a1", "1a", "a b", "", "Σ\u0345", "ﬀ", "\u1e9e"]
for s in samples:
    for m in PREDS + CONVS:
        case(m, s, f=lambda: getattr(s, m)())

# padding, tabs, prefixes, repetition
for s in STRS:
    for width in (-5, 0, 2, 3, 5, 6, 11):
        for fill in (" ", "€", "😀"):
            for m in ("center", "ljust", "rjust"):
                case(m, s, width, fill, f=lambda: getattr(s, m)(width, fill))
        case("zfill", s, width, f=lambda: s.zfill(width))
    for tab in (-1, 0, 1, 2, 4, 8, 2**31, -2**31 - 1):
        case("expandtabs", s, tab, f=lambda: s.expandtabs(tab))
    for x in ("", "a", "ab", "😀", "Σ", s, s + "x"):
        case("removeprefix", s, x, f=lambda: s.removeprefix(x))
        case("removesuffix", s, x, f=lambda: s.removesuffix(x))
    for n in (-1, 0, 1, 3):
        case("repeat", s, n, f=lambda: s * n)
for s, w, f in [("ab", 3, "xy"), ("ab", 3, ""), ("ab", 1, "xy"), ("abc", 4, "😀😀")]:
    for m in ("center", "ljust", "rjust"):
        case(m, s, w, f, f=lambda: getattr(s, m)(w, f))
for s in ("+", "-", "+-1", "-+", "€1", "+€"):
    for width in (0, 1, 2, 5):
        case("zfill", s, width, f=lambda: s.zfill(width))
case("repeat", "ab", 2**62, f=lambda: "ab" * 2**62)
case("repeat", "é€", 2**62, f=lambda: "é€" * 2**62)

# encode
ENCS = ["utfé8", "lat€in1", "U-8", "_utf8", "u.8", "latin.1", "latin--1", "ISO_646.IRV:1991",
        "utf-8", "UTF8", "ascii", "US-ASCII", "latin-1", "Latin1", "iso8859_1", "L1", "646",
        "u8", "  utf 8  ", "utf.8", "latin-1_", "nope", "cp819", "iso_646.irv:1991"]
ERRS = ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace",
        "surrogateescape", "surrogatepass", "bogus"]
for s in ["", "abc", "é", "aé€😀b", "€€", "x€y😀😀z", "\x7f\x80\xff\u0100", "ÿ\u0101"]:
    for enc in ENCS:
        for err in ERRS:
            case("encode", s, enc, err, f=lambda: s.encode(enc, err))

# longer strings: searches, splits and conversions far from the ends
LONG_ALPHABET = "ab \tΣσ€😀é\nxß'İ"
for _ in range(15):
    s = "".join(rng.choice(LONG_ALPHABET) for _ in range(rng.randint(40, 120)))
    n = len(s)
    for _ in range(4):
        sub = "".join(rng.choice(LONG_ALPHABET) for _ in range(rng.randint(0, 2)))
        start = rng.choice([None, rng.randint(-n - 5, n + 5)])
        end = rng.choice([None, rng.randint(-n - 5, n + 5)])
        for m in ("find", "rfind", "count", "startswith", "endswith"):
            case(m, s, sub, start, end, f=lambda: getattr(s, m)(sub, start, end))
        if sub:
            case("split", s, sub, -1, f=lambda: s.split(sub))
            case("rsplit", s, sub, 3, f=lambda: s.rsplit(sub, 3))
            case("replace", s, sub, "<>", 5, f=lambda: s.replace(sub, "<>", 5))
    case("split", s, None, -1, f=lambda: s.split())
    case("rsplit", s, None, 4, f=lambda: s.rsplit(None, 4))
    case("splitlines", s, True, f=lambda: s.splitlines(True))
    case("expandtabs", s, 4, f=lambda: s.expandtabs(4))
    for m in CONVS:
        case(m, s, f=lambda: getattr(s, m)())
    for _ in range(5):
        start, stop = rng.randint(-n - 5, n + 5), rng.randint(-n - 5, n + 5)
        step = rng.choice([None, 1, 2, 7, -1, -3])
        case("slice", s, start, stop, step, f=lambda: s[start:stop:step])
        i = rng.randint(-n - 2, n + 2)
        case("char_at", s, i, f=lambda: s[i])

# indexing, slicing, ord, chr, len
for s in ["", "a", "abcdef", "aé€😀b", "😀😀😀", "€"]:
    case("len", s, f=lambda: len(s))
    for i in (0, 1, 2, 5, 6, -1, -2, -6, -7, 100, -100, 2**63 - 1, -2**63):
        case("char_at", s, i, f=lambda: s[i])
    SL = [None, 0, 1, 2, -1, -2, 4, 100, -100, 2**63 - 1, -2**63]
    for start, stop in itertools.product(SL, SL):
        for step in (None, 1, 2, 3, -1, -2, -3, 0, 2**63 - 1, -2**63):
            if rng.random() < 0.15 or step in (None, -1):
                case("slice", s, start, stop, step, f=lambda: s[start:stop:step])
    case("ord", s, f=lambda: ord(s))
for i in (0, 65, 0xE9, 0x10FFFF, 0x110000, -1, 2**31 - 1, 2**31, -2**31, -2**31 - 1, 0xD800):
    case("chr", i, f=lambda: ord(chr(i)))

with open(OUT, "w", encoding="utf-8") as fh:
    fh.write("\n".join(lines) + "\n")
print("%d vectors" % len(lines), file=sys.stderr)
