# Calling a finalize object runs the function now and returns its result; it will not run again.
import weakref
class A:
    pass
a = A()
f = weakref.finalize(a, lambda x: x * 2, 21)
print(f())
print(f(), f.alive)
del a
print('end')
