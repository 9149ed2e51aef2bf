# match: dotted names are value patterns compared with ==; a bare name always captures.
class math:
    pi = 3.141592653589793

class Color:
    RED = "red"
    GREEN = "green"

class Weird:
    def __eq__(self, other):
        print("Weird.__eq__ called with", repr(other))
        return other == 42

def f(v):
    match v:
        case Color.RED:
            return "red!"
        case Color.GREEN:
            return "green!"
        case math.pi:
            return "pi"
        case _:
            return "?"

for v in ["red", "green", math.pi, 3.14, Weird()]:
    print(f(v))
w = Weird()
match 42:
    case w.__class__:
        print("class")
    case _:
        print("no")
