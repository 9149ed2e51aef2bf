# an instance whose slot refers to itself is only freed by the collector; its weakref dies then
import gc, weakref
class Self:
    __slots__ = ('me', '__weakref__')
gc.collect()
s = Self()
s.me = s
r = weakref.ref(s)
del s
alive = r() is not None
n = gc.collect()
print(alive, n, r() is None)
