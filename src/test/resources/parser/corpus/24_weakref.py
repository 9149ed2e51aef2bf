import weakref
import gc


class Cache:
    def __init__(self):
        self._refs = weakref.WeakValueDictionary()

    def put(self, key, obj):
        self._refs[key] = obj

    def get(self, key, default=None):
        return self._refs.get(key, default)


class Big:
    def __init__(self, size):
        self.data = bytearray(size)


cache = Cache()
b = Big(1024)
cache.put("b", b)
r = weakref.ref(b, lambda ref: print("collected", ref))
del b
gc.collect()
assert cache.get("b") is None
assert r() is None
