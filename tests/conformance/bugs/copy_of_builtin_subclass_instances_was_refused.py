# object.__reduce_ex__ (protocol 2 and up) for instances of subclasses of builtin types: the base's
# own __getnewargs__ (int, float, str, bytes, tuple) gives the arguments, a list subclass's items and a
# dict subclass's pairs come as iterators; copy.copy/deepcopy rebuild them (test_copy's *_subclass tests).
import copy

for v in (5, 2.5, 'ab', b'x', (1, 2), 1j, True):
    a = v.__getnewargs__()
    print(type(v).__name__, a, type(a[0]).__name__)
t = (1, 2)
print(t.__getnewargs__()[0] is t)

class C(int):
    def __getnewargs__(self):
        return (int(self),)
c = C(5)
c.foo = 1
r = c.__reduce_ex__(2)
print(r[0].__name__, r[1:])
d = copy.copy(c)
print(type(d).__name__, d, d.foo, d.__dict__ is not c.__dict__)

class I(int):
    pass
i = I(7)
print(i.__reduce_ex__(2)[1:], type(i.__reduce_ex__(2)[1][1]).__name__)
print(copy.deepcopy(i), type(copy.deepcopy(i)).__name__)

class S(str):
    pass
s = S('hi')
s.tag = [1]
s2 = copy.deepcopy(s)
print(type(s2).__name__, s2, s2.tag, s2.tag is s.tag)

class L(list):
    pass
l = L([1, 2, [3]])
l.x = 2
r = l.__reduce_ex__(2)
print(r[0].__name__, r[1:3], type(r[3]).__name__, list(r[3]), r[4])
m = copy.deepcopy(l)
print(m, type(m).__name__, m.x, m[2] == l[2], m[2] is l[2])

class D(dict):
    pass
dd = D(a=1, b=[2])
r = dd.__reduce_ex__(4)
print(r[0].__name__, r[1:4], type(r[4]).__name__, list(r[4]))
e = copy.deepcopy(dd)
print(e, type(e).__name__, e['b'] is dd['b'])

class T(tuple):
    pass
t = T((1, [2]))
r = t.__reduce_ex__(2)
print(r[1], r[2:], type(r[1][1]).__name__)
u = copy.deepcopy(t)
print(u, type(u).__name__, u[1] is t[1])

class F(float):
    pass
print(copy.copy(F(1.5)), type(copy.copy(F(1.5))).__name__)

class B(bytes):
    pass
print(copy.deepcopy(B(b'xy')), type(copy.deepcopy(B(b'xy'))).__name__)

class G(int):
    def __getnewargs__(self):
        return 5
try:
    G(1).__reduce_ex__(2)
except TypeError as ex:
    print(ex)
