# vars(obj) is its __dict__; vars() in a function is its locals; errors for objects without __dict__
class C:
    pass
c = C()
c.x = 1
print(vars(c), vars(c) is c.__dict__)
def f(a):
    b = 2
    return vars()
print(f(1))
try:
    vars(1)
except TypeError as e:
    print(e)
try:
    vars(1, 2)
except TypeError as e:
    print(e)
