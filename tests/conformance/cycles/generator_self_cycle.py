# A generator whose frame holds the generator itself: its finalizer closes it (finally runs), refcounting frees the rest, so collect() counts 0.
import gc
gc.collect()
class Box:
    pass
def gen(box):
    try:
        yield 1
        yield 2
    finally:
        print('finally ran')
b = Box()
g = gen(b)
b.g = g
next(g)
del g, b
print('collecting')
print(gc.collect())
