# Many cases and long patterns.
def roman(n):
    match n:
        case 1: return "I"
        case 2: return "II"
        case 3: return "III"
        case 4: return "IV"
        case 5: return "V"
        case 6: return "VI"
        case 7: return "VII"
        case 8: return "VIII"
        case 9: return "IX"
        case 10: return "X"
        case 50: return "L"
        case 100: return "C"
        case 500: return "D"
        case 1000: return "M"
        case _: return "?"


print([roman(i) for i in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 50, 100, 500, 1000, 11]])

big = list(range(40))
match big:
    case [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
          20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, x]:
        print("long sequence, last", x)

match list(range(300)):
    case [a, b, *_, y, z]:
        print("ends of 300:", a, b, y, z)

match {f"k{i}": i for i in range(30)}:
    case {"k0": a, "k10": b, "k20": c, "k29": d, **rest}:
        print("mapping:", a, b, c, d, len(rest))

match tuple(range(12)):
    case (a, b, c, *mid, x, y, z):
        print("unpacked around", len(mid), "middle items:", a, b, c, x, y, z)

word = "mississippi"
counts = {}
for ch in word:
    match counts.get(ch):
        case None:
            counts[ch] = 1
        case n:
            counts[ch] = n + 1
print(sorted(counts.items()))

# More than 15 items on each side of a star.
match list(range(40)):
    case [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16,
          *middle,
          z16, z15, z14, z13, z12, z11, z10, z9, z8, z7, z6, z5, z4, z3, z2, z1, z0]:
        print("around the star:", a0, a16, middle, z16, z0)
