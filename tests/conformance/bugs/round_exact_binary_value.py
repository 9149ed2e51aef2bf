# round() rounds the exact binary value of a float (round-half-even only on exact ties), with CPython's limits for huge and negative ndigits; ints round exactly
cases = [(2.675, 2), (1.005, 2), (0.125, 2), (0.375, 2), (2.5, 0), (3.5, 0), (-2.5, 0), (-0.4, 0), (0.5, None), (1.5, None),
         (2.5, None), (-0.5, None), (1234.5678, -2), (1250.0, -2), (1350.0, -2), (-1250.0, -2), (5e-324, 323), (5e-324, 324),
         (1.7976931348623157e308, -308), (1.5, 2**100), (1.5, -2**100), (-1.5, -2**100), (123.456, -400), (123.456, 400),
         (0.1 + 0.2, 15), (0.1 + 0.2, 16), (1e22, -22), (5e22, -23), (float('inf'), 2), (float('nan'), 2), (-0.0, 1)]
for x, d in cases:
    try:
        r = round(x) if d is None else round(x, d)
        print(repr(x), d if d is None or abs(d) < 1000 else 'huge', '->', repr(r))
    except Exception as e:
        print(repr(x), d, '->', type(e).__name__, e)
for x, d in [(1.7976931348623157e308, -308), (-1.7976931348623157e308, -308), (1.5e308, -308)]:
    try:
        print(round(x, d))
    except OverflowError as e:
        print('OverflowError', e)
for x, d in [(5, 2**100), (5, -50), (15, -1), (25, -1), (-25, -1), (12345678901234567890, -5), (10**30 + 5 * 10**9, -10), (7, -1), (5, -1), (0, -3), (True, -1), (True, None), (150, -2), (250, -2)]:
    r = round(x) if d is None else round(x, d)
    print(x, 'huge' if abs(d or 0) > 1000 else d, '->', repr(r), type(r).__name__)
for bad in [(1.5, 1.5), (1.5, '1'), ('x', 1)]:
    try:
        round(*bad)
    except TypeError as e:
        print('TypeError', e)
