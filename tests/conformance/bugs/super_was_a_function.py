# super is CPython 3.11's static type PySuper_Type, not a builtin function: type(super) is type,
# isinstance(super(), super), a class may derive from it; a super object is a tracked 40-byte
# object (getsizeof 56) holding type, obj and obj_type, traversed as obj, type, obj_type. Its
# lookup walks obj_type's mro after type (data descriptors too), __class__ and unbound supers
# fall back to the generic lookup; each error message of super_vectorcall, super_init,
# super_init_without_args and supercheck is 3.11's. refheap had a function returning a super.
import gc, sys, pickle, copy, weakref

print(type(super), super.__flags__ & ~(1 << 19), super.__basicsize__, super.__itemsize__, super.__weakrefoffset__, super.__dictoffset__)
print(super.__base__, super.__mro__, super.__name__, super.__qualname__, super.__module__)
print(sorted(vars(super)), type(super.__dict__['__thisclass__']).__name__, super.__self_class__.__doc__)
print(type(super.__init__).__name__, type(super.__get__).__name__, type(super.__new__).__name__, super.__new__.__self__ is super)
print(sys.getsizeof(super(int, 1)), gc.is_tracked(super(int, 1)), super in object.__subclasses__())


class A:
    x = 5
    def f(self): return 'A.f'
    @property
    def p(self): return 'A.p'


class B(A):
    def f(self):
        s = super()
        print(isinstance(s, super), type(s).__name__, s.__thisclass__, s.__self_class__, s.__self__ is self)
        return 'B.f+' + s.f()
    @property
    def p(self): return 'B.p+' + super().p


b = B()
print(b.f(), b.p)
u = super(B)
print(repr(u), u.__self__, u.__self_class__, u.__thisclass__)
bs = u.__get__(b, B)
print(type(bs).__name__, bs.f(), bs.__self__ is b, bs.__self_class__, u.__get__(None, B) is u, super(B, b).__get__(3).__self__ is b)
print(super(B, b).__class__, super(B, b).x, repr(super(B, b)), repr(super(B, B)), repr(super.__new__(super)))
e = super.__new__(super, int, 1)
print(e.__thisclass__, e.__self__, e.__self_class__, gc.is_tracked(e))

print('-- lookup')
class P:
    @property
    def p(self): return ('P.p', type(self).__name__)
    @classmethod
    def c(cls): return ('P.c', cls.__name__)
    @staticmethod
    def st(): return 'P.st'
    def __repr__(self): return 'P()'
class Q(P):
    @property
    def p(self): return ('Q.p',)
q = Q()
print(super(Q, q).p, super(Q, q).c(), super(Q, q).st(), super(Q, Q).c(), type(super(Q, Q).p).__name__)
print(super(Q, Q).__repr__.__qualname__, super(Q, q).__repr__(), super(P, q).__repr__().startswith('<__main__.Q object'))
print(super(Q, q).__class__, super(Q, Q).__class__, super(Q, q).__doc__, super(Q, q).__dict__, type(super(Q, q).__init__).__name__)
print(super(Q, q).__getattribute__('p'), super.__getattribute__(super(Q, q), 'p'), super(Q, q).__thisclass__, super(Q, Q).__self__)
class M(type):
    def mm(cls): return 'M.mm'
class D(B, metaclass=M):
    @classmethod
    def cm(cls): return super().f, super().__self_class__, super().__self__
    def __new__(cls):
        print('D.__new__', super().__self__ is cls)
        return super().__new__(cls)
print(D.cm()[1:], type(D()).__name__)
for args in [(B, b), (B, B), (D, D), (A, B)]:
    try:
        v = super(*args).f
        print(type(v).__name__, v.__qualname__, getattr(v, '__self__', None) is args[1])
    except Exception as ex:
        print(type(ex).__name__, ex)
class Proxy:
    __class__ = property(lambda self: B)
print(super(B, Proxy()).__self_class__, super(A, Proxy()).__self_class__)

print('-- errors')
for args in [(), (1,), (int, 'x'), (1, 2), (int, 1, 2)]:
    try:
        print(super(*args))
    except Exception as ex:
        print(type(ex).__name__, ex)
for kw in [{'x': 1}, {}]:
    try:
        super(int, 1, **kw) if kw else super(int, 1, 2, 3)
    except Exception as ex:
        print(type(ex).__name__, ex)
s = super(B, b)
for args, kw in [((), {}), ((1,), {}), ((int, 'x'), {}), ((int, 1, 2), {}), ((int,), {'x': 1}), ((int, None), {}), ((str, 'x'), {})]:
    try:
        super.__init__(s, *args, **kw)
        print('ok', s)
    except Exception as ex:
        print(type(ex).__name__, ex)
for stmt in ['super(B, b).nope', 'super(B, b).f = 1', 'del super(B, b).f', 'super(B, b).__thisclass__ = 1', 'super.__new__(int)', 'super.__new__()',
             'super.__get__(super(B), None, None)', 'super(int, 1).__init__(str, "x")', 'super.x = 1']:
    try:
        exec(stmt)
        print(stmt, 'ok')
    except Exception as ex:
        print(stmt, type(ex).__name__, ex)
def f():
    class C:
        def m(self):
            del self
            return super()
    class D:
        def m(self):
            __class__ = 1
            return super()
    class F:
        def m(*args): return super()
    class G:
        def m(self):
            def g(): return self
            return super()
    class H:
        def m(self):
            return super, __class__
    class I:
        def m(this): return super().__self__ is this
    for k in (C, D, F, G, H, I):
        try:
            print(k.__name__, k().m())
        except Exception as ex:
            print(k.__name__, type(ex).__name__, ex)
f()
def g():
    return super()
try:
    g(1)
except Exception as ex:
    print(type(ex).__name__, ex)
try:
    g()
except Exception as ex:
    print(type(ex).__name__, ex)

print('-- subclass')
class S(super):
    y = 7
    def __init__(self, *a):
        print('S.__init__', len(a))
        super().__init__(*a)
    def f(self): return 'S.f'
ss = S(B, b)
print(ss.f(), ss.y, type(ss).__name__, ss.__thisclass__, type(ss.__get__(b)).__name__, type(S(B).__get__(b)).__name__)
ss.q = 1
print(ss.q, ss.__dict__, sys.getsizeof(ss), S.__basicsize__, S.__dictoffset__, S.__weakrefoffset__, S.__flags__ & ~(1 << 19))
try:
    S(B).__get__(3)
except Exception as ex:
    print(type(ex).__name__, ex)
print(isinstance(ss, super), issubclass(S, super), S.__mro__)
class T(super):
    def __getattr__(self, name): return 'T.' + name
t = T(B, b)
print(t.f(), t.zz)

print('-- pickle')
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    try:
        pickle.dumps(super(Q, q), proto)
        print(proto, 'pickled')
    except Exception as ex:
        print(proto, type(ex).__name__, ex)
try:
    c = copy.copy(super(Q, q))
    print(type(c).__name__)
except Exception as ex:
    print(type(ex).__name__, ex)

print('-- gc')
x = super(B, b)
print(gc.get_referents(x) == [b, B, B], gc.get_referents(super(B)) == [B], gc.get_referents(super.__new__(super)))
class C:
    pass
def cyc():
    c = C()
    c.s = super(C, c)
    return c
gc.collect()
c = cyc(); r = weakref.ref(c); del c
print(r() is not None, gc.collect(), r())
gc.disable()
def count(fn):
    c0 = gc.get_count()[0]
    try:
        fn()
    except TypeError:
        pass
    return gc.get_count()[0] - c0
print(count(lambda: super(1)), count(lambda: super(x=1)), count(lambda: super(int, 1, 2)), count(lambda: super(int, 'x')), count(lambda: super(int, 1)))
for k in range(3):
    gc.collect()
    c0 = gc.get_count()
    for i in range(50):
        b.f.__func__  # nothing allocated
        super(B, b).f()
    print(c0, gc.get_count())
gc.enable()
class R(A):
    def g(self):
        s = super()
        return sys.getrefcount(s), sys.getrefcount(self)
print(R().g(), sys.getrefcount(b))
