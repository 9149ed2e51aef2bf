# match: guards are evaluated after capturing, a failing guard moves on, and captures from a failed case stay bound.
def log(msg, value):
    print("  guard", msg)
    return value

def f(v):
    match v:
        case [x, y] if log("first", x > y):
            return "descending"
        case [x, y] if log("second", x == y):
            return "equal"
        case [x, *_]:
            return f"starts with {x}"

for v in [[2, 1], [1, 1], [1, 2], [5]]:
    print(v, "->", f(v))

match (1, 2):
    case (a, b) if a > b:
        pass
    case _:
        print("a and b are bound anyway:", a, b)
