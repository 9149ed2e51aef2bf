# match: star wildcards use indexing (BINARY_SUBSCR, GET_LEN) and star captures build a list.
def f(v):
    match v:
        case [a, *_, b]:
            return ("ends", a, b)
        case [*_]:
            return "any sequence"

def g(v):
    match v:
        case [*rest]:
            return type(rest).__name__, rest
        case _:
            return None

for v in [[1], [1, 2], (1, 2, 3), [4, 5, 6], "abc", range(5)]:
    print(repr(v), f(v), g(v))
