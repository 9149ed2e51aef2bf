# instances of slotted classes are tracked even with no slots set, like every heap-class instance
import gc
class E:
    __slots__ = ()
class One:
    __slots__ = ('v',)
print(gc.is_tracked(E()), gc.is_tracked(One()))
o = One()
o.v = 1
print(gc.is_tracked(o), gc.get_referents(o)[0])
