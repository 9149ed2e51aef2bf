# A class body's own __dict__ (a property, a plain value) was replaced by the instance-dict getset
# (CPython's type_add_getset gives way to it) and instance.__dict__ bypassed it; an instance's
# __dict__ could not be set to a dict subclass (PyDict_Check takes one; its methods are not called).
# inspect.getattr_static relies on both.
import inspect, gc, sys
test_called = []
class Foo(dict):
    a = 3
    @property
    def __dict__(self):
        test_called.append(1)
        return {}
print(type(Foo.__dict__['__dict__']).__name__)
foo = Foo()
foo.a = 4
print(inspect.getattr_static(foo, 'a'), test_called, foo.a, foo.__dict__, vars(foo))
class W:
    __weakref__ = 5
    __dict__ = 6
print(W.__weakref__, W.__dict__['__dict__'], type(W.__dict__).__name__)
w = W(); w.x = 1; print(w.x, w.__dict__)
class Custom(dict):
    def get(self, key, default=None):
        test_called.append(2)
        return super().get(key, default)
    def __getitem__(self, k):
        test_called.append(3)
        return 99
class Bar:
    a = 3
b = Bar()
c = Custom(z=5)
b.__dict__ = c
print(b.__dict__ is c, inspect.getattr_static(b, 'a'), test_called)
b.q = 7
print(b.q, b.z, c, b.a, vars(b) is c, sys.getrefcount(c))
del b.q
print(c, hasattr(b, 'q'))
b.__dict__ = {}
print(b.__dict__, sys.getrefcount(c))
b.__dict__ = c
b.self = b
del b, c
print(gc.collect() >= 1)
try:
    Bar().__dict__ = 5
except TypeError as e:
    print(e)
