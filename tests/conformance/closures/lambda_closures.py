# Lambdas close over enclosing locals exactly like def functions.
def adder(n):
    return lambda x: x + n
add5 = adder(5)
add10 = adder(10)
print(add5(1), add10(1))
compose = lambda f, g: lambda x: f(g(x))
print(compose(add5, add10)(0))
