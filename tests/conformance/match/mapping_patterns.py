# match: mapping patterns, extra keys are ignored, **rest copies the remainder into a new dict.
def m(v):
    match v:
        case {"type": "point", "x": x, "y": y}:
            return ("point", x, y)
        case {"type": "circle", **rest}:
            return ("circle", rest)
        case {1: one, 2.0: two}:
            return ("numbers", one, two)
        case {}:
            return ("some mapping", len(v))
        case _:
            return "not a mapping"

for v in [{"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5, "c": (0, 0)},
          {1: "a", 2: "b"}, {True: "t", 2: "two"}, {"type": "point", "x": 1}, {}, [], "type"]:
    print(m(v))
d = {"type": "circle", "r": 1}
match d:
    case {"type": _, **rest}:
        print(rest, rest is d, type(rest).__name__)
