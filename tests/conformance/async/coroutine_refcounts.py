# A coroutine's frame holds its arguments until it finishes; finishing or closing releases them.
import sys
class Obj:
    pass
o = Obj()
base = sys.getrefcount(o)
async def hold(x):
    return x
c = hold(o)
print("created:", sys.getrefcount(o) - base)
try:
    c.send(None)
except StopIteration as e:
    r = e.value
    del e
print("finished, result kept:", sys.getrefcount(o) - base)
del r
print("released:", sys.getrefcount(o) - base)
c2 = hold(o)
c2.close()
print("closed:", sys.getrefcount(o) - base)
del c, c2
print("end:", sys.getrefcount(o) - base)
