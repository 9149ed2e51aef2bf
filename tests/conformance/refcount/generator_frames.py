# A generator's frame holds its arguments and locals until the generator finishes or is freed.
import sys
def gen(seq):
    for v in seq:
        yield v
x = [1, 2]
print(sys.getrefcount(x))
g = gen(x)
print(sys.getrefcount(x))
next(g)
print(sys.getrefcount(x))
for v in g:
    pass
print(sys.getrefcount(x))
g2 = gen(x)
next(g2)
print(sys.getrefcount(x))
del g2
print(sys.getrefcount(x))
