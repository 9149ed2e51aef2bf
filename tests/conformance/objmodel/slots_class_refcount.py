# each slotted instance holds one reference to its class; slot values are released with the instance
import sys, gc
class S:
    __slots__ = ('a', 'b')
base = sys.getrefcount(S)
objs = [S() for i in range(5)]
print(sys.getrefcount(S) - base)
payload = []
pb = sys.getrefcount(payload)
for o in objs:
    o.a = payload
print(sys.getrefcount(payload) - pb)
del objs
print(sys.getrefcount(S) - base, sys.getrefcount(payload) - pb)
