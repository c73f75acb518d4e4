print((255).bit_length(), (0).bit_length(), (-255).bit_length())
print((10).bit_count(), (-7).bit_count()) if hasattr(int, "bit_count") else None
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\xff\xff", "big", signed=True))
print((5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print((6).as_integer_ratio())
print(int.__name__, (3).__abs__(), (-3).__neg__())
