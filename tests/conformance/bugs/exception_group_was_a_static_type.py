# CPython 3.11 makes ExceptionGroup at start-up with PyErr_NewException("builtins.ExceptionGroup",
# (BaseExceptionGroup, Exception)): a heap type, GC-tracked, 920 bytes, owning its dict, mro, bases
# and tp_base, whose instances hold it. refheap's was a static type (untracked, 424 bytes, no
# referents, its dict holding BaseExceptionGroup's methods).
import gc, sys, weakref, pickle, copy
EG = ExceptionGroup
print(list(EG.__dict__.keys()), EG.__dict__['__module__'], type(EG.__dict__['__weakref__']).__name__, EG.__dict__['__doc__'])
print(gc.is_tracked(EG), sys.getsizeof(EG), hex(EG.__flags__), bool(EG.__flags__ & (1 << 9)), sys.getrefcount(EG))
refs = gc.get_referents(EG)
print([type(x).__name__ for x in refs], refs[0] is EG.__dict__ or type(refs[0]).__name__, refs[1] is EG.__mro__, refs[2] is EG.__bases__, refs[3] is EG.__base__)
print(EG.__base__, EG.__bases__, EG.__mro__)
print(EG.__module__, EG.__name__, EG.__qualname__, EG.__doc__, repr(EG), type(EG))
print(EG.__basicsize__, EG.__itemsize__, EG.__weakrefoffset__, EG.__dictoffset__, EG.__text_signature__)
print(BaseExceptionGroup.__subclasses__(), weakref.getweakrefcount(EG), weakref.ref(EG)() is EG)
print(EG.derive is BaseExceptionGroup.derive, EG.split is BaseExceptionGroup.split, EG.__init__ is BaseExceptionGroup.__init__, EG.__new__ is BaseExceptionGroup.__new__)
print(EG.__str__ is BaseExceptionGroup.__str__, EG.__class_getitem__(int), EG.message, EG.exceptions)
print([n for n in dir(EG) if not n.startswith('__')], len(dir(EG)) == len(dir(BaseExceptionGroup)) + 1)
print(issubclass(EG, Exception), issubclass(EG, BaseExceptionGroup), isinstance(EG('m', [ValueError()]), Exception))

r0 = sys.getrefcount(EG)
e = EG('msg', [ValueError(1), TypeError(2)])
print(sys.getrefcount(EG) - r0, sys.getsizeof(e), gc.is_tracked(e), [type(x).__name__ for x in gc.get_referents(e)], gc.get_referents(e)[0] is EG)
print(repr(e), str(e), e.message, e.exceptions, e.args)
print(type(BaseExceptionGroup('m', [ValueError()])).__name__, type(BaseExceptionGroup('m', [KeyboardInterrupt()])).__name__)
try:
    EG('m', [KeyboardInterrupt()])
except TypeError as x:
    print('TypeError', x)
match, rest = e.split(ValueError)
print(repr(match), repr(rest), type(match) is EG)
print(repr(e.subgroup(TypeError)), repr(e.derive([KeyError(3)])))
w = weakref.ref(e)
del e, match, rest
print(w(), sys.getrefcount(EG) - r0)

# subclassing
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message, excs)
m = MyEG('mine', [ValueError(1), OSError(2)])
print(MyEG.__mro__, MyEG.__base__, sys.getsizeof(m), hex(MyEG.__flags__), MyEG.__weakrefoffset__, MyEG.__dictoffset__)
print([type(x).__name__ for x in gc.get_referents(m)], gc.get_referents(m)[0] is MyEG)
print([type(x).__name__ for x in gc.get_referents(MyEG)], gc.get_referents(MyEG)[3] is EG)
print(repr(m.split(OSError)), sys.getrefcount(EG))
class Both(ExceptionGroup, KeyError): pass
print(Both.__mro__, sys.getsizeof(Both('b', [KeyError(1)])))

# pickling and copying
e = EG('p', [ValueError(1)])
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    d = pickle.loads(pickle.dumps(e, proto))
    print(proto, type(d) is EG, repr(d), d.message, d.exceptions)
print(pickle.dumps(EG, 0), pickle.loads(pickle.dumps(EG)) is EG, copy.copy(EG) is EG, copy.deepcopy(e).exceptions)
print(e.__reduce__())
