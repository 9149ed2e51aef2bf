# match: sequence patterns on lists, tuples and ranges; strings, bytes and dicts are not sequences here.
def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x!r}"
        case [x, y]:
            return f"two {x!r} {y!r}"
        case [first, *middle, last]:
            return f"first {first!r} middle {middle!r} last {last!r}"
        case _:
            return "not a sequence"

for v in [[], (), [1], (2,), [1, 2], range(3), range(7), (1, 2, 3, 4), "ab", b"ab", {1: 2}, {1, 2}, 5]:
    print(repr(v), "->", seq(v))
