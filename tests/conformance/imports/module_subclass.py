# A class derived from module (types.ModuleType): layout, getsizeof, refcounts, gc tracking,
# __dict__, the module __getattr__ before the class's, repr, __class__ assignment both ways.
import sys, gc, types

class M(types.ModuleType):
    """a module subclass"""
    def hello(self):
        return 'hello from ' + self.__name__

m = M('mymod')
print(type(m).__name__, isinstance(m, types.ModuleType))
print(sys.getsizeof(m), sys.getsizeof(types.ModuleType('x')))
print(M.__basicsize__, M.__dictoffset__, M.__weakrefoffset__, types.ModuleType.__basicsize__)
print(gc.is_tracked(m))
print(sorted(m.__dict__))
print(m.__name__, m.__doc__, m.__spec__, m.__loader__, m.__package__)
print(m.hello())
m.x = 5
print(m.x, m.__dict__['x'])
del m.x
print('x' in m.__dict__)
print(repr(m).startswith("<module 'mymod'"))
print(repr(m))
def ga(name):
    if name == 'lazy':
        return 42
    raise AttributeError(name)
m.__getattr__ = ga
print(m.lazy)
try:
    m.nothing
except AttributeError as e:
    print('AttributeError', e)

class N(types.ModuleType):
    def __getattr__(self, name):
        return 'class-' + name
n = N('n')
print(n.foo)
n.__getattr__ = lambda name: 'dict-' + name
print(n.foo)

# refcounts
m2 = M('m2')
print(sys.getrefcount(m2), sys.getrefcount(M))
d = m2.__dict__
print(sys.getrefcount(d))
print(len(gc.get_referents(m2)), [type(x).__name__ for x in gc.get_referents(m2)])

# __class__ assignment of a module
mod = types.ModuleType('plain')
mod.y = 1
mod.__class__ = M
print(type(mod).__name__, mod.hello(), mod.y)
mod.__class__ = types.ModuleType
print(type(mod).__name__)
try:
    mod.__class__ = int
except TypeError as e:
    print('TypeError', e)
class Plain:
    pass
try:
    mod.__class__ = Plain
except TypeError as e:
    print('TypeError', e)

# the module of this program gets a subclass
class ThisMod(types.ModuleType):
    @property
    def answer(self):
        return 42
sys.modules[__name__].__class__ = ThisMod
print(type(sys.modules[__name__]).__name__, sys.modules[__name__].answer)

# weakref and collection
import weakref
m3 = M('m3')
r = weakref.ref(m3)
m3.self = m3
del m3
print(r() is not None)
gc.collect()
print(r())

# slots on a module subclass
class S(types.ModuleType):
    __slots__ = ('a',)
s = S('s')
s.a = 3
print(s.a, sys.getsizeof(s), S.__basicsize__)
# init with doc and keywords
m4 = M('m4', 'docstring')
print(m4.__doc__)
m5 = M(name='m5', doc=None)
print(m5.__name__, m5.__doc__)
class I(types.ModuleType):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
i = I('i', 7)
print(i.__name__, i.extra, sorted(i.__dict__))
print(dir(m5)[:6])
print(isinstance(sys, types.ModuleType), type(sys) is types.ModuleType)
