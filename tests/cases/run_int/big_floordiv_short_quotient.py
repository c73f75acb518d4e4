# Floor division and modulo of long numbers whose quotient is short (the
# estimate-and-correct fast path), every sign combination, exact and inexact.
b = 3 ** 300 + 12345
vals = []
for k in [0, 1, 2, 3, 9, 10, 2**31 - 1, 2**62 - 1, 2**62, 2**63 + 5, 2**64 - 1]:
    for d in [-1, 0, 1]:
        vals.append(b * k + d)
for a in vals:
    for x, y in [(a, b), (-a, b), (a, -b), (-a, -b)]:
        q, r = x // y, x % y
        assert divmod(x, y) == (q, r)
        assert q * y + r == x
        print(q, r)
# Near-power-of-two divisors: the top 64 bits decide the estimate.
p = 1 << 700
for y in [p - 1, p, p + 1, (p >> 1) + 1]:
    for x in [p * 5 - 1, p * 5, p * 5 + 1, p * (2**61) + 3]:
        print(x // y, x % y - x + (x // y) * y)
# Lists sliced with ints and None, and assigned from other lists.
l = list(range(10))
print(l[:], l[2:5], l[::-1], l[7:2:-2], l[-3:], l[5:2], l[100:], l[-100:3])
m = l[:]
m[:4] = l[3::-1]
print(m)
m[2:5] = [1, 2]
print(m)
m[1:1] = [7, 8, 9]
print(m)
m[::3] = l[:len(m[::3])]
print(m)
try:
    m[::2] = [1, 2]
except ValueError as e:
    print(e)
m[:] = m
print(m)
m[3:6] = m
print(m)
# Quotients too long for the fast path, operands that fit 128 bits.
for x, y in [(2**100, 3), (-(2**100), 3), (2**127 + 1, 2**40 + 7), (2**90, -(2**30)), (2**126, 2**64 + 1)]:
    print(x // y, x % y, divmod(x, y))
