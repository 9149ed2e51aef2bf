# del removes the binding, not the object; using the name afterwards raises NameError.
import sys
x = []
y = x
del x
print(sys.getrefcount(y))
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
print('x' in globals(), 'y' in globals())
