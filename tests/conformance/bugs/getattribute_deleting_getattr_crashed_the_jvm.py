# A __getattribute__ that deletes its class's __getattr__ before failing (test_descr test_getattr_hooks):
# slot_tp_getattr_hook looks __getattr__ up first and holds it, so the fallback still runs it; refheap
# looked it up after and the JVM crashed on the missing method.
import gc
class EvilGetattribute(object):
    def __getattr__(self, name):
        print('__getattr__', name)
        raise AttributeError(name)
    def __getattribute__(self, name):
        del EvilGetattribute.__getattr__
        for i in range(5):
            gc.collect()
        raise AttributeError(name)
try:
    getattr(EvilGetattribute(), "attr")
except AttributeError as e:
    print('AttributeError', e)
print(hasattr(EvilGetattribute, '__getattr__'))
class Descriptor(object):
    counter = 0
    def __get__(self, obj, objtype=None):
        def getter(name):
            self.counter += 1
            raise AttributeError(name)
        return getter
descr = Descriptor()
class A(object):
    __getattribute__ = descr
class B(object):
    __getattr__ = descr
class C(object):
    __getattribute__ = descr
    __getattr__ = descr
for cls in (A, B, C):
    try:
        getattr(cls(), "attr")
    except AttributeError:
        print(cls.__name__, descr.counter)
