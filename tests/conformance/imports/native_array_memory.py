# array: the arrayobject's size (sys.getsizeof/__sizeof__), array_resize's over-allocation through append, extend, insert,
# frombytes, slice assignment, deletion and *=, refcounts, GC tracking and referents, subclasses, the iterator's layout
import array, sys, gc
A = array.array
print(A.__basicsize__, A.__itemsize__, A.__weakrefoffset__, A.__dictoffset__, A.__flags__ & ~(1 << 19))
print([(c, A(c).itemsize, sys.getsizeof(A(c))) for c in array.typecodes])
def track(a):
    out = []
    prev = None
    for step in range(120):
        a.append(1)
        s = sys.getsizeof(a)
        if s != prev:
            out.append((len(a), s, a.buffer_info()[1]))
            prev = s
    return out
print(track(A('i')))
print(track(A('d')))
print(track(A('b')))
a = A('i', range(10)); print(sys.getsizeof(a), a.__sizeof__(), a.buffer_info()[1])
a = A('i', [1] * 10); print(sys.getsizeof(a))
a = A('h', (1, 2, 3)); print(sys.getsizeof(a))
a = A('b', b'abc'); print(sys.getsizeof(a))
a = A('b', bytearray(b'abcdefghij')); print(sys.getsizeof(a))
a = A('u', 'hello'); print(sys.getsizeof(a))
a = A('i', A('i', [1, 2, 3])); print(sys.getsizeof(a))
a = A('d', A('i', [1, 2, 3])); print(sys.getsizeof(a))
a = A('i'); a.extend(range(20)); print(sys.getsizeof(a))
a.extend(A('i', range(50))); print(sys.getsizeof(a), len(a))
for i in range(40): a.pop()
print(sys.getsizeof(a), len(a))
del a[5:]; print(sys.getsizeof(a), len(a))
a.insert(0, 9); print(sys.getsizeof(a))
a.frombytes(bytes(400)); print(sys.getsizeof(a), len(a))
a[1:90] = A('i'); print(sys.getsizeof(a), len(a))
a *= 30; print(sys.getsizeof(a), len(a))
a *= 0; print(sys.getsizeof(a), len(a), a.buffer_info()[1])
del a[:]; print(sys.getsizeof(a))
a.fromlist(list(range(7))); print(sys.getsizeof(a))
a.fromunicode if False else None
print(sys.getsizeof(A('i', [1, 2]) + A('i', [3])), sys.getsizeof(A('i', [1, 2]) * 3), sys.getsizeof(A('i', range(9))[2:5]), sys.getsizeof(A('i', range(9))[::2]))
print(A('i').buffer_info()[0] == 0, A('i', [1]).buffer_info()[0] != 0)
# GC: tracked from creation; the only referent is the type (a heap type)
a = A('i', [1, 2, 3])
print(gc.is_tracked(a), gc.is_tracked(A('d')), gc.get_referents(a) == [A], len(gc.get_referents(a)))
r = sys.getrefcount(A); b = A('b'); print(sys.getrefcount(A) - r); del b; print(sys.getrefcount(A) - r)
x = 12345678
r = sys.getrefcount(x); a = A('q', [x, x, x]); print(sys.getrefcount(x) - r)
lst = [a]; print(sys.getrefcount(a))
it = iter(a)
print(type(it).__name__, type(it).__module__, sys.getsizeof(it), gc.is_tracked(it), gc.get_referents(it) == [type(it), a], sys.getrefcount(a))
print(list(it), gc.get_referents(it) == [type(it)], sys.getrefcount(a))
t = type(iter(a)); print(t.__basicsize__, t.__flags__ & ~(1 << 19))
try: t()
except TypeError as e: print(e)
# a cycle through a subclass instance's dict is collected
class Sub(A): pass
s = Sub('i', [1, 2])
print(Sub.__basicsize__, Sub.__weakrefoffset__, sys.getsizeof(s) - sys.getsizeof(A('i', [1, 2])), gc.is_tracked(s))
s.me = s
import weakref
w = weakref.ref(s); del s
print(w() is not None, gc.collect() >= 1, w() is None)
# weak references to arrays
a = A('d', [1.5]); w = weakref.ref(a); print(w() is a); del a; print(w())
