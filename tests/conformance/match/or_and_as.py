# match: or-patterns binding the same names in different orders, as-patterns on groups, nested alternatives.
def f(v):
    match v:
        case [x, "a"] | ["a", x]:
            return ("a pair", x)
        case [x, y, 1] | [y, x, 2]:
            return ("ordered", x, y)
        case (("north" | "south") as d, n) if n > 0:
            return ("vertical", d, n)
        case [(1 | 2 | 3) as small, *rest] as whole:
            return ("small", small, rest, whole)
        case _:
            return None

for v in [[1, "a"], ["a", 2], [10, 20, 1], [10, 20, 2], ("north", 3), ("south", 0), [2, 9, 9], [7]]:
    print(v, "->", f(v))
