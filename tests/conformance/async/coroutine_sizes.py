# getsizeof of coroutines (and generators) depends on the code's frame: locals, cells and stack slots, as in 3.11.
import sys
async def empty():
    pass
async def four(a, b, c, d):
    e = a + b * c - d
    return e
async def nested(x):
    def inner():
        return x
    return inner
def gen(a, b):
    yield a + b
for c in [empty(), four(1, 2, 3, 4), nested(1)]:
    print(c.__name__, sys.getsizeof(c))
    c.close()
print(sys.getsizeof(gen(1, 2)), sys.getsizeof(x * 10 for x in range(1000)), sys.getsizeof(i for i in []))
