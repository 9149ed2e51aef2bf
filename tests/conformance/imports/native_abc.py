# _abc: isinstance/issubclass through ABCs, register, the caches and registry as _abc._get_dump shows them,
# the invalidation counter, __subclasshook__, abstract methods, and the module's errors
import abc
import _abc
import sys


def names(refs):
    return sorted(r().__name__ for r in refs if r() is not None)


def dump(cls, token0):
    registry, cache, negative, version = _abc._get_dump(cls)
    print("  registry", names(registry), "cache", names(cache), "negative", names(negative), "version", version - token0)


print(sorted(n for n in dir(_abc) if not n.startswith("__")))
print(abc.ABCMeta.__module__, abc.get_cache_token is _abc.get_cache_token, "_py_abc" in sys.modules)
token0 = abc.get_cache_token()


class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...

    @property
    @abc.abstractmethod
    def size(self): ...

    def plain(self): ...


print("abstract", sorted(Base.__abstractmethods__), type(Base.__abstractmethods__).__name__)


class Half(Base):
    def run(self): return 1


class Full(Half):
    size = 3


print("abstract", sorted(Half.__abstractmethods__), sorted(Full.__abstractmethods__))
try:
    Half()
except TypeError as e:
    print(e)
print(Full().run())
dump(Base, token0)
print(isinstance(Full(), Base), issubclass(Full, Base), issubclass(int, Base))
dump(Base, token0)


class Plain:
    pass


class PlainChild(Plain):
    pass


print(Base.register(Plain) is Plain, abc.get_cache_token() - token0)
dump(Base, token0)
print(issubclass(Plain, Base), issubclass(PlainChild, Base), isinstance(PlainChild(), Base), issubclass(str, Base))
dump(Base, token0)
print(Base.register(Plain) is Plain, Base.register(Full) is Full, abc.get_cache_token() - token0)
try:
    Base.register(3)
except TypeError as e:
    print("TypeError", e)
try:
    Plain.register
except AttributeError as e:
    print("AttributeError", e)


class Other(abc.ABC):
    pass


Other.register(Base)
print(abc.get_cache_token() - token0, issubclass(Full, Other), issubclass(Plain, Other))
try:
    Base.register(Other)
except RuntimeError as e:
    print("RuntimeError", e)
_abc._reset_caches(Base)
dump(Base, token0)
_abc._reset_registry(Base)
dump(Base, token0)
print(issubclass(Plain, Base))


class Hooked(metaclass=abc.ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Hooked:
            if any("quack" in B.__dict__ for B in C.__mro__):
                return True
            if C is int:
                return False
        return NotImplemented


class Duck:
    def quack(self): ...


print(issubclass(Duck, Hooked), isinstance(Duck(), Hooked), issubclass(int, Hooked), issubclass(str, Hooked))
dump(Hooked, token0)


class Weird(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 0


try:
    issubclass(int, Weird)
except AssertionError as e:
    print("AssertionError", e)


for f, a in [(_abc._abc_init, ()), (_abc._abc_init, (1, 2)), (_abc._abc_register, (1,)), (_abc._abc_register, (1, 2, 3)),
             (_abc.get_cache_token, (1,)), (_abc._get_dump, (1,)), (_abc._abc_subclasscheck, (Base, 1)),
             (_abc._abc_register, (int, 1)), (_abc._abc_instancecheck, (int, 1)), (_abc._reset_caches, (Plain,))]:
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e)
try:
    _abc._abc_init(x=1)
except TypeError as e:
    print(e)


class Wrong(abc.ABC):
    pass


Wrong._abc_impl = 5
try:
    issubclass(int, Wrong)
except TypeError as e:
    print(e)
