# slot wrappers take no keyword arguments, except __init__ and __call__
d = {}
dict.__init__(d, a=1)
print(d, len.__call__([1, 2]))
f = lambda **kw: kw
print(type(f).__call__(f, x=1))
try:
    int.__add__(1, other=2)
except TypeError as e:
    print(e)
try:
    (1).__add__(x=2)
except TypeError as e:
    print(e)
