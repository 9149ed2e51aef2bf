# After the image: the modules' functions work, with their arity checks and errors.
import _stat, marshal
print(_stat.S_ISDIR(mode), _stat.S_ISREG(mode), _stat.S_IMODE(mode), _stat.S_IFMT(mode), _stat.filemode(mode))
print(marshal.loads(dumped), marshal.loads(marshal.dumps({'k': (None, b'x')})), marshal.version)
for f, args in ((_stat.S_ISDIR, ()), (_stat.filemode, ('x',)), (marshal.loads, (b'',)), (marshal.dumps, ())):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)
print(hash(_stat.S_ISDIR) == hash(_stat.S_ISDIR), _stat.S_ISDIR == _stat.S_ISDIR, _stat.S_ISDIR.__name__, marshal.dumps.__qualname__)
print(_weakref.getweakrefcount(target), _weakref.getweakrefs(target) == [keep], type(_weakref.proxy(target)).__name__)
d = {'k': _weakref.ref(Target())}
_weakref._remove_dead_weakref(d, 'k')
print(d, _weakref.getweakrefcount(1))
import sys
sys.stderr = sys.stdout
for i in range(2):
    _warnings.warn('after the image', UserWarning)
_warnings.warn('ignored by a default filter', DeprecationWarning)
_warnings.warn_explicit('explicit', UserWarning, 'f.py', 3)
print(len(_warnings.filters), _warnings.filters[1][0], _warnings._defaultaction, _warnings._onceregistry)
sys.stderr = sys.__stderr__
