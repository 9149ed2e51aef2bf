# _fields_ set after the class statement (how a Structure points at itself), refused once the
# layout is in use: an instance made, a subclass, a field or array item of the type.
import ctypes
class Node(ctypes.Structure):
    pass
Node._fields_ = [('v', ctypes.c_int), ('next', ctypes.POINTER(Node))]
a = Node(1)
b = Node(2, ctypes.pointer(a))
print(b.next.contents.v, ctypes.sizeof(Node), Node.v, Node.next, bool(a.next))
c = Node(3, ctypes.pointer(b))
n, vals = c, []
while n:
    vals.append(n.v)
    n = n.next.contents if n.next else None
print(vals)
try:
    Node._fields_ = []
except AttributeError as e:
    print('AttributeError', e)
class E(ctypes.Structure):
    pass
E()
class F(ctypes.Structure):
    pass
class G(F):
    pass
class I(ctypes.Structure):
    pass
IA = I * 2
class J(ctypes.Structure):
    pass
class K(ctypes.Structure):
    _fields_ = [('j', J)]
for cls in (E, F, I, J):
    try:
        cls._fields_ = [('a', ctypes.c_int)]
    except AttributeError as e:
        print(cls.__name__, 'AttributeError', e)
class H(ctypes.Structure):
    pass
H.x = 5
print(H.x)
class U(ctypes.Union):
    pass
U._fields_ = [('a', ctypes.c_int), ('b', ctypes.c_short)]
print(ctypes.sizeof(U), U.b)
class L(ctypes.Structure):
    pass
P = ctypes.POINTER(L)
L._fields_ = [('x', ctypes.c_double)]
l = L(2.5)
print(P(l).contents.x, ctypes.sizeof(L), memoryview(P(l)).format, ctypes.sizeof(IA))
