# match and case stay ordinary names outside a match statement.
match = [1, 2]
case = 3
print(match[0], case)
match(1)
def match(*a):
    return a
print(match(case, 4))
match, case = case, match
print(match)
class case:
    match = "attr"
print(case.match)
match case.match:
    case "attr":
        print("soft keywords")
