# OverflowError for floats that are too large and int conversions of inf/nan.
tries = [
    lambda: 10.0 ** 400,
    lambda: int(float('inf')),
    lambda: 2.0 ** 10000,
]
for t in tries:
    try:
        t()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    int(float('nan'))
except ValueError as e:
    print(type(e).__name__, e)
