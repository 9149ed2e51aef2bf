# ValueError messages from conversions, unpacking and list methods.
tries = [
    lambda: int('abc'),
    lambda: int(''),
    lambda: float('x1'),
    lambda: [1, 2].index(3),
    lambda: [].remove(1),
    lambda: 'abc'.index('z'),
    lambda: int('12', 1),
]
for t in tries:
    try:
        t()
    except ValueError as e:
        print(type(e).__name__, e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    a, b = 1, 2, 3
except ValueError as e:
    print(e)
