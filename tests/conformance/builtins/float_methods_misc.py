# float.hex/fromhex round-trip exactly; as_integer_ratio reconstructs the value
vals = [0.1, 1 / 3, 2.5e-308, 1.7976931348623157e308, 123456.789, -0.0, 5e-324]
for v in vals:
    h = v.hex()
    n, d = v.as_integer_ratio()
    print(h, float.fromhex(h) == v, n / d == v)
print((3.0).is_integer(), (3.5).is_integer(), float("inf").is_integer(), (2.0).conjugate(), float.fromhex("-0x1.8p-1"))
