# A suspended generator's loop variable keeps the last yielded value referenced until the generator moves on.
import sys
def gen(items):
    for it in items:
        yield it
data = [[], []]
g = gen(data)
a = next(g)
print(sys.getrefcount(a))
b = next(g)
print(sys.getrefcount(a), sys.getrefcount(b))
