# float.hex, float.fromhex, as_integer_ratio and is_integer
for v in [1.0, 0.5, -2.75, 0.1, 1e300, 5e-324, 2.2250738585072014e-308, 0.0, -0.0, float("inf"), float("nan"), 3.0e-310]:
    print(repr(v), v.hex())
for s in ["0x1.8p1", "-0x1p-2", "0x.8", "1.5", "0X1P+10", " 0x1.fffffffffffffp+1023 ", "inf", "-nan", "0x0p0", "0x1p-1074"]:
    print(repr(s), float.fromhex(s))
for v in [0.5, 0.1, -3.0, 1e20, 0.0]:
    print(v, v.as_integer_ratio(), v.is_integer())
for bad in [lambda: float.fromhex("0x"), lambda: float.fromhex("zz"), lambda: float.fromhex("0x1p99999"),
            lambda: float("inf").as_integer_ratio(), lambda: float("nan").as_integer_ratio()]:
    try:
        bad()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
