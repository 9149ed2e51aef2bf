# object.__reduce_ex__ (copyreg protocol 2+: __newobj__, the dict and slot state), so copy.copy/deepcopy of plain instances work.
import copy, copyreg
class P:
    def __init__(s): s.a=1; s.b=[1]
class E: pass
class Sl:
    __slots__=('x','y')
class Both(P):
    __slots__=('z',)
p=P(); print(p.__reduce_ex__(4)[0] is copyreg.__newobj__, p.__reduce_ex__(4)[1:], E().__reduce_ex__(2)[1:])
s=Sl(); s.x=3; print(s.__reduce_ex__(4)[1:], Sl.__dict__.get('__slotnames__'))
b=Both(); b.z=9; print(b.__reduce_ex__(4)[1:])
q=copy.copy(p); print(q.a, q.b is p.b, type(q)); r=copy.deepcopy(p); print(r.b is p.b, r.b)
class GN:
    def __getnewargs__(self): return (1,2)
    def __new__(cls, *a): o = object.__new__(cls); o.args=a; return o
print(GN().__reduce_ex__(4)[1:], copy.copy(GN()).args)
print(object().__reduce_ex__(4)[1:])
t = copy.copy(s); print(t.x, hasattr(t, 'y'))
try: (1).__reduce_ex__('a')
except TypeError as e: print(e)
