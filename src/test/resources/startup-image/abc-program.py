# After the image: _abc's functions, its counter and its _abc_data objects work on the adopted heap.
import _abc, gc
gc.collect()
print(_abc.get_cache_token() - token, sorted(Base.__abstractmethods__), type(Base._abc_impl).__name__)
registry, cache, negative, version = _abc._get_dump(Base)
print(sorted(r().__name__ for r in registry if r() is not None), len(registry), sorted(c().__name__ for c in cache), len(negative), version - token)
class Other:
    pass
Base.register(Other)
print(_abc.get_cache_token() - token, isinstance(Other(), Base), isinstance('x', Base), issubclass(int, Base))
class Later(Base):
    def f(self): pass
print(isinstance(Later(), Base), issubclass(Later, Sized), Later.__abstractmethods__ == Base.__abstractmethods__)
del Other
gc.collect()
print(len(_abc._get_dump(Base)[0]))
_abc._reset_caches(Base)
_abc._reset_registry(Base)
print([len(s) for s in _abc._get_dump(Base)[:3]])
for f, args in ((_abc.get_cache_token, (1,)), (_abc._abc_init, ()), (_abc._abc_register, (Base,)), (_abc._abc_register, (Base, 1)),
                (_abc._get_dump, (Plain,))):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)
print(type(type(Base._abc_impl)()).__name__, type(Base._abc_impl).__module__, Base._abc_impl is not Sized._abc_impl)
