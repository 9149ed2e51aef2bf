# weakref.finalize calls its function with its arguments once, when the object dies, and reports alive/detach.
import weakref
class A:
    pass
def done(tag, n):
    print('finalizer', tag, n)
a = A()
f = weakref.finalize(a, done, 'a', 1)
print(f.alive)
del a
print(f.alive)
b = A()
g = weakref.finalize(b, done, 'b', 2)
d = g.detach()
print(d[0] is b, d[1] is done, d[2], d[3], g.alive)
del b
print('end')
