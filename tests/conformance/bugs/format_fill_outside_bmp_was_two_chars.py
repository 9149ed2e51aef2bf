# A format-spec fill character outside the BMP ('🖤>z6.1f') was read as two UTF-16 units, so the spec was invalid; 3.11 reads the spec in code points (format(), str.format, f-strings)
values = [1.0, -0.0, 12345, "ab", 2 + 3j]
for spec in ["🖤>z6.1f", "🖤<8", "🖤^9", "🖤=+8", "😀>10,", "é>5", "🖤>5"]:
    for v in values:
        try:
            print(repr(spec), repr(format(v, spec)))
        except ValueError as e:
            print(repr(spec), type(v).__name__, "ValueError", e)
print("{:🖤^9}|{:🖤>6.2f}|{:𝒜<4d}".format("ab", 3.14159, 7))
x, w = 42, 7
print(f"{x:🖤>{w}}|{x:🖤^{w}d}|{'s':🖤<3}")
for spec in ["🖤", ">🖤", "🖤🖤", "🖤>5🖤", ",🖤", "5🖤"]:
    for v in [1, 1.5, "x"]:
        try:
            print(repr(spec), repr(format(v, spec)))
        except ValueError as e:
            print(repr(spec), type(v).__name__, "ValueError", e)
# a str's unknown type is reported before its other refusals
for spec in ["z", "zs", "zd", "+z", "=5", "+5", ",d", "=d", "+d", "#x"]:
    try:
        print(repr(spec), repr(format("ab", spec)))
    except ValueError as e:
        print(repr(spec), "ValueError", e)
