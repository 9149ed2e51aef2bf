# ZeroDivisionError messages for int and float division, floor division and modulo.
tries = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: 1.0 // 0.0,
    lambda: 1.5 % 0,
    lambda: 0 ** -1,
]
for t in tries:
    try:
        t()
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
