# What a warning keeps: the tracked objects (gc.get_objects) and refcounts around _warnings.warn and warn_explicit
import gc, sys, _warnings
gc.disable()
msg = 'counted message'
cat = RuntimeWarning
def delta(fn):
    before = len(gc.get_objects())
    fn()
    return len(gc.get_objects()) - before
_warnings.filters.insert(0, ('ignore', None, RuntimeWarning, None, 0))
_warnings._filters_mutated()
print('first, ignored', delta(lambda: _warnings.warn(msg, cat)))
print('again, ignored', delta(lambda: _warnings.warn(msg, cat)))
print(sys.getrefcount(msg), sys.getrefcount(cat) > 2, globals().get('__warningregistry__'))
del _warnings.filters[0]
_warnings._filters_mutated()
class Counter:
    n = 0
    def write(self, s):
        Counter.n += 1
sys.stderr = Counter()
print('default, shown', delta(lambda: _warnings.warn(msg, cat)))
print('default, repeated', delta(lambda: _warnings.warn(msg, cat)))
print(sys.getrefcount(msg), len(__warningregistry__))
reg = {}
print('explicit', delta(lambda: _warnings.warn_explicit(msg, cat, 'f.py', 3, registry=reg)))
print('explicit again', delta(lambda: _warnings.warn_explicit(msg, cat, 'f.py', 3, registry=reg)))
print(sys.getrefcount(msg), reg)
key = next(k for k in reg if k != 'version')
print(sys.getrefcount(key), gc.is_tracked(key), gc.is_tracked(reg))
_warnings.filters.insert(0, ('module', None, RuntimeWarning, None, 0))
_warnings._filters_mutated()
print('module', delta(lambda: _warnings.warn_explicit(msg, cat, 'f.py', 4, registry=reg)), len(reg))
del _warnings.filters[0]
_warnings._filters_mutated()
_warnings.filters.insert(0, ('error', None, RuntimeWarning, None, 0))
def raising():
    try:
        _warnings.warn(msg, cat)
    except RuntimeWarning as e:
        print(sys.getrefcount(e), e.__traceback__ is not None)
print('error', delta(raising))
del _warnings.filters[0]
_warnings._filters_mutated()
w = RuntimeWarning('an instance')
print('instance', delta(lambda: _warnings.warn(w)), sys.getrefcount(w))
print('writes', Counter.n)
sys.stderr = sys.__stderr__
