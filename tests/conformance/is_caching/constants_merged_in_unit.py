# Equal constants in one compilation unit are one object, even across module, function and lambda code.
a = 1000
b = 1000
print(a is b)
def f():
    return 1000
print(f() is a)
g = lambda: 1000
print(g() is a)
s = 'hello world!'
def h():
    return 'hello world!'
print(h() is s)
t = (1, 2, 3)
def k():
    return (1, 2, 3)
print(k() is t)
x = 2.5
def y():
    return 2.5
print(y() is x)
