# getattr/setattr/hasattr with defaults and errors.
class A:
    x = 1
a = A()
setattr(a, 'y', 2)
print(getattr(a, 'x'), getattr(a, 'y'), getattr(a, 'z', 'default'))
print(hasattr(a, 'y'), hasattr(a, 'z'))
try:
    getattr(a, 'z')
except AttributeError as e:
    print(type(e).__name__, e)
try:
    A.nope
except AttributeError as e:
    print(type(e).__name__, e)
