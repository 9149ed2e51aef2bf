# Structure and Union layouts: sizes, offsets, alignment, _pack_, inheritance, field descriptors
import ctypes


class P(ctypes.Structure):
    _fields_ = [("a", ctypes.c_int), ("b", ctypes.c_char), ("c", ctypes.c_double)]


class Q(P):
    _fields_ = [("d", ctypes.c_char)]


class R(Q):
    pass


class Packed(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("a", ctypes.c_char), ("b", ctypes.c_int), ("c", ctypes.c_short)]


class Mixed(ctypes.Structure):
    _fields_ = [("x", ctypes.c_bool), ("f", ctypes.c_float), ("u", ctypes.c_ubyte),
                ("s", ctypes.c_short), ("q", ctypes.c_ulonglong), ("l", ctypes.c_long)]


class U(ctypes.Union):
    _fields_ = [("a", ctypes.c_int), ("b", ctypes.c_double), ("c", ctypes.c_char)]


class Empty(ctypes.Structure):
    pass


class NoFields(ctypes.Structure):
    _fields_ = []


for cls in (P, Q, R, Packed, Mixed, U, Empty, NoFields):
    names = [f[0] for f in getattr(cls, "_fields_", [])]
    print(cls.__name__, ctypes.sizeof(cls), ctypes.alignment(cls),
          [(n, getattr(cls, n).offset, getattr(cls, n).size) for n in names])
print(P.a, P.b, P.c, U.b, type(P.a).__name__)
print(Q.a is P.a, R.d is Q.d)

p = P(1, b"x", 2.5)
print(p.a, p.b, p.c)
p.a = -7
p.b = 65
p.c = 3
print(p.a, p.b, p.c)
q = Q(1, b"y", 0.5, b"z")
print(q.a, q.b, q.c, q.d, ctypes.sizeof(q))
k = P(c=4.0, a=2)
print(k.a, k.b, k.c)

m = Mixed()
m.x = 5
m.f = 1.1
m.u = 300
m.s = -40000
m.q = -1
m.l = 2 ** 63 + 5
print(m.x, m.f, m.u, m.s, m.q, m.l)

u = U()
u.b = 1.0
print(u.a, u.c, u.b)
u.a = 0
print(u.b)

for bad in (lambda: P(1, 2, 3, 4), lambda: ctypes.Structure(), lambda: ctypes.Union(),
            lambda: P("x"), lambda: setattr(p, "b", "x"), lambda: setattr(p, "c", "x"),
            lambda: delattr(p, "a"), lambda: type("X", (ctypes.Structure,), {"_fields_": [("a",)]}),
            lambda: type("X", (ctypes.Structure,), {"_fields_": [(1, ctypes.c_int)]}),
            lambda: type("X", (ctypes.Structure,), {"_fields_": [("a", int)]}),
            lambda: type("X", (ctypes.Structure,), {"_fields_": 3}),
            lambda: ctypes.sizeof(3)):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
