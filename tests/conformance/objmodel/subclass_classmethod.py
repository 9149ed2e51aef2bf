# Subclasses of classmethod and staticmethod (abc's abstractclassmethod pattern): binding,
# __isabstractmethod__, __func__, the attributes classmethod(f) copies into its dict, layout
# (cm_dict at 24, then the subclass's __weakref__: getsizeof 56), referents, weakrefs, __del__.
import gc
import sys
import weakref


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class K:
    @abstractclassmethod
    def make(cls):
        "Make one."
        return cls.__name__

    @classmethod
    def plain(cls):
        return "plain " + cls.__name__


class KK(K):
    pass


print(K.make(), KK.make(), KK().make(), K.plain())
cm = K.__dict__["make"]
print(type(cm).__name__, isinstance(cm, classmethod), cm.__isabstractmethod__, cm.__func__.__isabstractmethod__)
print(sorted(cm.__dict__), cm.__doc__, cm.__name__, cm.__wrapped__ is cm.__func__)
print(sys.getsizeof(cm), sys.getsizeof(classmethod(len)), gc.is_tracked(cm))
refs = gc.get_referents(cm)
print(len(refs), refs[0] is abstractclassmethod, refs[1] is cm.__func__, refs[2] is cm.__dict__)
print(repr(cm).startswith("<classmethod(<function K.make at "), repr(staticmethod(len)))

def helper(a: int) -> int:
    "Helps."
    return a


plain = classmethod(helper)
print(sorted(plain.__dict__), plain.__name__, plain.__doc__, plain.__func__ is helper, plain.__annotations__)
print(gc.get_referents(plain)[0] is helper, gc.get_referents(plain)[1] is plain.__dict__)


class doubled(staticmethod):
    pass


class H:
    @doubled
    def twice(x):
        return x * 2


print(H.twice(3), H().twice(4), type(H.__dict__["twice"]).__name__, sys.getsizeof(H.__dict__["twice"]))

r = weakref.ref(cm)
print(r() is cm, weakref.getweakrefcount(cm))


class noisy(classmethod):
    def __del__(self):
        print("noisy deleted")


n = noisy(len)
print(sys.getrefcount(n))
del n
gc.collect()
del K, KK, cm
gc.collect()
print(r())
