# match statements: every kind of pattern, guards, captures, or-patterns, defaults.
def literal(x):
    match x:
        case 0:
            return "zero"
        case -1 | 1:
            return "one"
        case "a" "b":
            return "ab"
        case b"x":
            return "bytes"
        case 1.5:
            return "float"
        case None:
            return "none"
        case True:
            return "true"
        case _:
            return "other"


def capture(x):
    match x:
        case [a, b]:
            return a + b
        case [a, *rest]:
            return rest
        case [*_, last]:
            return last
        case (first, *_, last):
            return first, last
        case [_, _, *_]:
            return "long"
        case ():
            return "empty"
        case y if y > 10:
            return y


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def classes(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return yy
        case Point(xx, y=0) as q:
            return xx, q
        case int(n) | float(n):
            return n
        case str() as s:
            return s
        case math.pi:
            return "pi"
        case dict() | list():
            return "container"


def mappings(m):
    match m:
        case {"a": 1, "b": b}:
            return b
        case {"x": [1, 2, *r], **kw}:
            return r, kw
        case {math.e: v}:
            return v
        case {}:
            return "mapping"
        case {**rest}:
            return rest


def nested(cmd):
    match cmd.split():
        case ["go", ("north" | "south") as d]:
            return d
        case ["pick", obj, *more] if more:
            return obj, more
        case ["drop", *objs]:
            return objs
        case [("a" | "b"), (1 | 2) as n] | [n, "c"]:
            return n
        case [x, y] | [y, x, _]:
            return x, y


match = 1
match.real
match(2)
match, case = 1, 2
match x, y:
    case 1, 2:
        pass
    case (1, 2), *z:
        pass
match *x, y:
    case _:
        pass
match -x:
    case [1, 2,]:
        pass
    case {1: _, "k": _, None: _, False: _}:
        pass
