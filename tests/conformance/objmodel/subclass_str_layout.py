# A str subclass's instances are 3.11's legacy two-block PyUnicodeObject (80 bytes, the characters
# in a separate block), then the __weakref__ slot (basicsize 88) and a managed __dict__;
# unicode___sizeof__ counts sizeof(PyUnicodeObject) plus (length + 1) * kind, not the subclass's
# basicsize; instances are GC-tracked; the class is their only referent until a __dict__ exists.
import gc
import sys


class S(str):
    pass


class Slotted(str):
    __slots__ = ()


class Named(str):
    __slots__ = ('tag',)


print(str.__basicsize__, str.__itemsize__, S.__basicsize__, S.__itemsize__, S.__dictoffset__, S.__weakrefoffset__)
print(Slotted.__basicsize__, Slotted.__dictoffset__, Slotted.__weakrefoffset__, Named.__basicsize__)
for v in ('', 'a', 'abc', 'é', 'naïve', '€€', '😀', 'x' * 100):
    print(len(v), sys.getsizeof(v), sys.getsizeof(S(v)), sys.getsizeof(Slotted(v)), sys.getsizeof(Named(v)))
s = S('abc')
print(gc.is_tracked('abc'), gc.is_tracked(s), gc.is_tracked(Slotted('abc')), sys.getrefcount(s))
print(gc.get_referents(s) == [S])
s.x = [1]
print(gc.get_referents(s) == [{'x': [1]}, S], sys.getsizeof(s), s.__dict__)
n = Named('q')
n.tag = 't'
print(gc.get_referents(n) == ['t', Named], n.tag, sys.getsizeof(n))
t = Slotted('z')
try:
    t.y = 1
except AttributeError as e:
    print('AttributeError:', e)
print(sys.getrefcount(S), end=' ')
objs = [S('p') for _ in range(3)]
print(sys.getrefcount(S))
del objs
print(sys.getrefcount(S))
import weakref
r = weakref.ref(s)
print(r() is s, r() == 'abc')
del s
print(r())
