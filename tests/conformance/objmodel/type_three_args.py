# type(name, bases, dict) builds a class from a copy of dict, with __module__ and __qualname__ set
import sys
class Base:
    def hello(self):
        return 'hello from ' + type(self).__name__
ns = {'a': 1, 'double': lambda self: self.a * 2}
X = type('X', (Base,), ns)
x = X()
print(X.__name__, X.__qualname__, X.__module__, X.a, x.double(), x.hello())
print(X.__bases__, X.__mro__)
print('__module__' in ns, sorted(k for k in X.__dict__ if not k.startswith('__')))
E = type('E', (), {})
print(sys.getsizeof(E()), E.__bases__)
for bad in ((1, (), {}), ('Y', 1, {}), ('Y', (), 1)):
    try:
        type(*bad)
    except TypeError as e:
        print(e)
