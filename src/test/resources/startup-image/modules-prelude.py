# Before the image: native modules whose functions are made from their tables (_stat, marshal).
import _stat, marshal
dumped = marshal.dumps((1, 'two', [3.0]))
mode = _stat.S_IFDIR | 0o755
import _weakref
class Target:
    pass
target = Target()
keep = _weakref.ref(target)
import _warnings
_warnings._filters_mutated()
