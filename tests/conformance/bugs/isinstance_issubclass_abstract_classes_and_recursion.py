# isinstance/issubclass as 3.11's abstract.c: objects with a __bases__ tuple are "abstract classes" (compared
# through __bases__ and __class__), anything else is TypeError naming the argument; nested tuples and
# self-referencing __bases__ are RecursionError (bpo-30570; refheap overflowed the Java stack).
import sys
class Failure(object):
    def __getattr__(self, attr):
        return (self, None)
try:
    issubclass(Failure(), int)
except RecursionError as e:
    print('RecursionError', e)
class X:
    @property
    def __bases__(self):
        return (self, self, self)
try:
    issubclass(X(), int)
except RecursionError as e:
    print('RecursionError', e)
class AbstractClass(object):
    def __init__(self, bases): self.bases = bases
    def getbases(self): return self.bases
    __bases__ = property(getbases)
    def __call__(self): return AbstractInstance(self)
class AbstractInstance(object):
    def __init__(self, klass): self.klass = klass
    def getclass(self): return self.klass
    __class__ = property(getclass)
AbstractSuper = AbstractClass(bases=())
AbstractChild = AbstractClass(bases=(AbstractSuper,))
print(issubclass(AbstractChild, AbstractSuper), issubclass(AbstractSuper, AbstractChild), isinstance(AbstractChild(), AbstractSuper), isinstance(AbstractSuper(), AbstractChild))
for args in [(1, int), (int, 1), (AbstractChild, int), (int, AbstractChild), (1, 1)]:
    for f in (isinstance, issubclass):
        try: print(f.__name__, f(*args))
        except TypeError as e: print(f.__name__, 'TypeError', e)
def blowstack(fxn, arg, compare_to):
    tuple_arg = (compare_to,)
    for cnt in range(sys.getrecursionlimit()+5):
        tuple_arg = (tuple_arg,)
        fxn(arg, tuple_arg)
for fxn, arg in ((issubclass, str), (isinstance, '')):
    try:
        blowstack(fxn, arg, str)
    except RecursionError as e:
        print(fxn.__name__, 'RecursionError', e)
