# A __call__ found on the type that is not a function (typing._TypedDictMeta has __call__ = dict) is called
# as it is, after __get__ if it has one: refheap passed the instance first to every kind (TD(k=1) failed).
class M(type):
    __call__ = dict
class D(metaclass=M):
    pass
print(D(a=1), type(D(a=1)))
class Inst:
    __call__ = len
print(Inst()([1, 2, 3]))
class St:
    __call__ = staticmethod(lambda *a: ('static', a))
class Cm:
    __call__ = classmethod(lambda *a: ('class', a[0].__name__, a[1:]))
print(St()(1), Cm()(2))
class G:
    def __get__(self, obj, typ=None):
        return lambda *a: ('bound via __get__', type(obj).__name__, a)
class Gc:
    __call__ = G()
print(Gc()(5))
class Plain:
    def __call__(self, *a, **k):
        return ('plain', a, k)
print(Plain()(1, x=2))
class Meta2(type):
    def __call__(cls, *a, **k):
        return ('meta', cls.__name__, a, k)
class E(metaclass=Meta2):
    pass
print(E(1, y=3))
