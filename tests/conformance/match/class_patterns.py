# match: class patterns with __match_args__, keyword sub-patterns, and missing attributes failing the case.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point3(_, _, 0):
            return "z plane"
        case Point(0, y):
            return f"y axis at {y}"
        case Point(x=x, y=0):
            return f"x axis at {x}"
        case Point(color="red"):
            return "red"
        case Point():
            return "elsewhere"
        case _:
            return "not a point"

for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), Point3(1, 2, 0), Point3(0, 0, 9), 7]:
    print(p, "->", where(p))
q = Point(2, 2)
q.color = "red"
print(where(q))
