match = 1
case = 2
_ = 3
type = "t"
print(match, case, _, type)
match.attr = 5
match[0] = 1
match(1)
def f(match, case): return match + case
