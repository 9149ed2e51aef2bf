# A metaclass's __basicsize__, __itemsize__, __dictoffset__ and __weakrefoffset__ are type's: its instances are
# PyHeapTypeObjects and it can add no slot (refheap refused them with NotImplementedError).
import sys, abc
class A: pass
class M(type): pass
class B(metaclass=M): pass
print(sys.getsizeof(A), sys.getsizeof(B), sys.getsizeof(abc.ABC), type.__basicsize__, type.__itemsize__, type.__dictoffset__, type.__weakrefoffset__)
for m in (M, abc.ABCMeta):
    print([getattr(m, a) for a in ('__basicsize__', '__itemsize__', '__dictoffset__', '__weakrefoffset__')])
try:
    class M2(type):
        __slots__ = ('x',)
except TypeError as e:
    print(e)
class M3(type):
    __slots__ = ()
print(M3.__basicsize__)
class M4(abc.ABCMeta):
    pass
print(M4.__basicsize__, M4.__dictoffset__, M4.__weakrefoffset__, M4.__itemsize__, M4.__flags__ & ~(1 << 19))
for n in ('__dict__', '__weakref__'):
    try:
        class M5(type):
            __slots__ = (n,)
    except TypeError as e:
        print(e)
