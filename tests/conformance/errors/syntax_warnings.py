# Compile-time SyntaxWarnings go to stderr before the program runs: "is" with a literal (once per comparison), assert on a tuple.
x = 1
assert (x, "m")
if x is 1:
    pass
print(x is not (1,), 1 is x, x is -1, x is None, x is ..., x is True, x is f"a", x is [])
y = x is 1 is 1
def f(a):
    return a is 'text'
print(f('text'), y)
