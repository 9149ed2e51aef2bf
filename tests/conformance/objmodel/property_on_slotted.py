# a property backed by a private slot: the slotted instance stays dict-free
import sys
class Temp:
    __slots__ = ('_c',)
    def __init__(self, c):
        self._c = c
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @f.setter
    def f(self, v):
        self._c = (v - 32) * 5 / 9
t = Temp(100)
print(t.f, sys.getsizeof(t), hasattr(t, '__dict__'))
t.f = 32
print(t._c)
