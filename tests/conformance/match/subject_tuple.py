# match: a tuple subject (match a, b:) and the subject evaluated exactly once.
calls = 0
def subject():
    global calls
    calls += 1
    return [calls, "x"]

match subject():
    case [2, _]:
        print("two")
    case [1, "y"]:
        print("one y")
    case [n, s]:
        print("captured", n, s)
print("subject evaluated", calls, "time(s)")

a, b = 3, 4
match a, b:
    case 3, 4:
        print("tuple subject matched")
match *[1, 2], 3:
    case (1, *rest):
        print("starred subject", rest)
