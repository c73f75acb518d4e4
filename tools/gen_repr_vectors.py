#!/usr/bin/env python3
"""Generate the test vectors of src/repr (expected outputs from CPython 3.11).

Run from the repository root:

    python3 tools/gen_repr_vectors.py

Writes src/repr/testdata/{float,complex,str,bytes}.txt, one case a line:
  float.txt:   <f64 bits, 16 hex digits> <repr(float)>
  complex.txt: <real bits> <imag bits> <repr(complex)>
  str.txt:     <WTF-8 bytes in hex (surrogatepass)> <repr(str)>
  bytes.txt:   <bytes in hex> <repr(bytes)>
Reprs never contain a newline, so the rest of the line after the fields is the repr.
"""
import math
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), "run with CPython 3.11"
rng = random.Random(20241126)


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


floats = [0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, -1.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3,
          1e16, 1e15, 9999999999999998.0, 1e16 - 2, 1e17, 1e-4, 1e-5, 0.00012345, 0.000099999,
          1.5e-5, 123456789012345678.0, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
          2.0 ** 53, 2.0 ** 53 + 2, 2.0 ** 63, 2.0 ** 64, 0.5, 1e22, 1e23, 1e100, 1e-100, 1e300,
          4.35, 0.1 + 0.2, 1e-7, 123.456, 9.999999999999999e22, 3.141592653589793, 2.718281828459045,
          100.0, 1000000.0, 12345678901234567890.0]
for e in range(-330, 310):
    floats.append(float("1e%d" % e))
    floats.append(float("9.5e%d" % e))
for e in range(-1080, 1024, 7):
    floats.append(math.ldexp(1.0, e))
for _ in range(1500):
    b = rng.getrandbits(64)
    x = from_bits(b)
    if math.isnan(x):
        continue
    floats.append(x)
for _ in range(800):
    floats.append(rng.uniform(-1e6, 1e6))
    floats.append(round(rng.uniform(-1000, 1000), rng.randint(0, 6)))
for _ in range(300):
    floats.append(rng.randint(1, 10 ** 17) * 10.0 ** rng.randint(-25, 5))

# Values with few fraction bits, where two shortest candidates can tie exactly.
for _ in range(400):
    sh = rng.randint(0, 12)
    floats.append(rng.randint(2 ** 50, 2 ** 53) / 2.0 ** sh)
    floats.append(float(rng.randint(2 ** 53, 2 ** 62)))

with open("src/repr/testdata/float.txt", "w") as f:
    for x in floats:
        f.write("%016x %s\n" % (bits(x), repr(x)))

specials = [0.0, -0.0, 1.0, -1.0, math.inf, -math.inf, math.nan, 2.5, 1e16, 1e-5, 1e100, -3.25]
complexes = [(a, b) for a in specials for b in specials]
for _ in range(300):
    complexes.append((from_bits(rng.getrandbits(64)), from_bits(rng.getrandbits(64))))
    complexes.append((0.0, rng.uniform(-1e20, 1e20)))
with open("src/repr/testdata/complex.txt", "w") as f:
    for a, b in complexes:
        f.write("%016x %016x %s\n" % (bits(a), bits(b), repr(complex(a, b))))

alphabet = [chr(c) for c in range(0, 0x300)] + ["'", '"', "\\", "\n", "\r", "\t", "\x7f", "\x85", "\xa0",
                                                  "\xad", "\u2028", "\u3000", "\ufeff", "\uffff",
                                                  "\ud800", "\udc80", "\udfff", "\U0001f600",
                                                  "\U000e0001", "\U0010ffff", "\U000f0000", "\u0378"]
strs = ["", "'", '"', "'\"", "a'b", 'a"b', "\\", "abc", "\ud800\udc00"]
strs += [chr(c) for c in range(0, 0x110000, 251)]
for _ in range(600):
    n = rng.randint(1, 8)
    s = "".join(rng.choice(alphabet) if rng.random() < 0.7 else chr(rng.randint(0, 0x10FFFF))
                for _ in range(n))
    strs.append(s)
with open("src/repr/testdata/str.txt", "w") as f:
    for s in strs:
        f.write("%s %s\n" % (s.encode("utf-8", "surrogatepass").hex(), repr(s)))

bs = [b"", b"'", b'"', b"'\"", b"\\", bytes(range(256))]
for _ in range(200):
    bs.append(bytes(rng.choice(b"'\"\\abc\n\t\r\x00\x7f\x80\xff ") if rng.random() < 0.5
                    else rng.randint(0, 255) for _ in range(rng.randint(1, 10))))
with open("src/repr/testdata/bytes.txt", "w") as f:
    for b in bs:
        f.write("%s %s\n" % (b.hex(), repr(b)))
