# A generator in a cycle with an object that has __del__: both finalizers run, the cycle falls apart, and collect() counts 0.
import gc
gc.collect()
class Holder:
    def __del__(self):
        print('Holder.__del__')
def gen(h):
    try:
        yield h
    finally:
        print('gen finally')
h = Holder()
g = gen(h)
h.g = g
next(g)
del h, g
print('collect')
n = gc.collect()
print(n)
