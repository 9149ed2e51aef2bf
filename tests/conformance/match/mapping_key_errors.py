# match: a value pattern that is a duplicate mapping key at run time is a ValueError; a non-hashable subject key fails.
class K:
    A = "a"
    B = "a"

try:
    match {"a": 1}:
        case {K.A: 1, K.B: 2}:
            print("matched")
except ValueError as e:
    print("ValueError:", e)

try:
    match [1]:
        case {"a": 1}:
            print("not a mapping")
        case [x] if {x: 1}[[]]:
            print("never")
except TypeError as e:
    print("TypeError:", e)
