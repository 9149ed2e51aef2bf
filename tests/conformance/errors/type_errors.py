# TypeError messages for bad operand types, calls and subscripts, as CPython 3.11 words them.
nothing = None
five = 5
pair = (1, 2)
half = 0.5
tries = [
    lambda: 1 + 'a',
    lambda: 'a' + 1,
    lambda: [1] + (2,),
    lambda: 'abc' * 'b',
    lambda: -'x',
    lambda: len(5),
    lambda: nothing(),
    lambda: five[0],
    lambda: {}[[]],
    lambda: {[]},
    lambda: 1 < 'a',
    lambda: int([1]),
    lambda: sum(['a', 'b']),
    lambda: pair[half],
    lambda: iter(5),
    lambda: next([1]),
]
for t in tries:
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)
