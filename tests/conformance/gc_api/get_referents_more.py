# get_referents of sets, functions' defaults, cells via closures, bound methods and nested containers.
import gc
s = {42}
print(gc.get_referents(s))
m = [[1], [2]]
r = gc.get_referents(m)
print(r, r[0] is m[1])
d = {'a': [1], 'b': (2, 3)}
print(gc.get_referents(d))
class A:
    def f(self):
        return 1
o = A()
bm = o.f
r = gc.get_referents(bm)
print(len(r), len([x for x in r if x is o]))
print(gc.get_referents([], {}, ()))
