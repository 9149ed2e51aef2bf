# match: literal, singleton, signed-number and string patterns, or-patterns of literals, the trailing wildcard.
def classify(v):
    match v:
        case 0:
            return "zero"
        case -1 | 1:
            return "unit"
        case 2.5:
            return "two and a half"
        case "a" "b":
            return "concatenated string"
        case b"raw":
            return "bytes"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case _:
            return "something else"

for v in [0, 1, -1, 1.0, 2.5, "ab", b"raw", None, True, False, 0.0, "x", [], 3]:
    print(repr(v), "->", classify(v))
