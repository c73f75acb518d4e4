# Starred assignments with more than 15 targets on a side of the star.
a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, *mid, z = range(30)
print(a16, mid, z)
*head, y0, y1, y2, y3, y4, y5, y6, y7, y8, y9, y10, y11, y12, y13, y14, y15, y16, y17 = range(25)
print(head, y0, y17)
first, *mid2, last = "abc"
print(first, mid2, last)
try:
    b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15, b16, *r = range(3)
except ValueError as e:
    print(e)
