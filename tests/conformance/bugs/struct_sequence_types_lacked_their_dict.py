# A struct sequence type's dict (sys.flags, sys.version_info, os.stat_result, time.struct_time...)
# held only n_fields, n_sequence_fields and n_unnamed_fields: no member descriptor per field, no
# __repr__ slot wrapper, no __reduce__ (copying or pickling a stat_result failed) and no __match_args__.
# CPython's PyStructSequence_InitType puts them there; each is a GC object of the start-up.
import gc
import posix as os  # (os itself costs too much under --gc-stress; the types are posix's)
import sys
import time

for t in (type(sys.flags), type(sys.version_info), type(sys.float_info), type(sys.int_info),
          type(sys.hash_info), os.stat_result, time.struct_time, os.terminal_size):
    d = t.__dict__
    names = [k for k in d if k not in ("__doc__", "__module__", "__new__")]
    print(t.__name__, names)
    print([type(d[k]).__name__ for k in names])
    print(d["__match_args__"], t.n_fields, t.n_sequence_fields, t.n_unnamed_fields)

F = type(sys.flags)
debug = F.__dict__["debug"]
print(repr(debug), debug.__qualname__, debug.__objclass__ is F, debug.__name__)
print(sys.getsizeof(debug), gc.is_tracked(debug), sys.getrefcount(debug))
print(gc.get_referents(debug) == [F])
print(repr(F.__dict__["__repr__"]), repr(F.__dict__["__reduce__"]))
print(debug.__get__(sys.flags) == sys.flags.debug, debug.__get__(None, F) is debug)
print(F.__repr__(sys.flags) == repr(sys.flags))
print(sys.version_info.__reduce__())
lt = time.gmtime(0)
r = lt.__reduce__()
print(r[0] is time.struct_time, r[1][0], sorted(r[1][1]))
st = os.stat(".")
f, args = st.__reduce__()
copy = f(*args)
print(copy == st, copy.st_mtime == st.st_mtime, copy.st_mtime_ns == st.st_mtime_ns, r[0](*r[1]) == lt)
print(os.terminal_size((80, 24)).__reduce__())

for f in (lambda: setattr(sys.flags, "debug", 1), lambda: delattr(sys.flags, "debug"),
          lambda: debug.__set__(sys.flags, 1), lambda: debug.__delete__(sys.flags),
          lambda: setattr(sys.flags, "other", 1), lambda: debug.__get__((1, 2)),
          lambda: F.__repr__((1, 2)), lambda: F.__reduce__((1, 2)),
          lambda: sys.flags.__repr__(1), lambda: sys.flags.__reduce__(1),
          lambda: sys.flags.__reduce__(x=1)):
    try:
        f()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)

match sys.version_info:
    case (3, minor, *_):
        print("minor", minor)
match os.terminal_size((80, 24)):
    case os.terminal_size(c, l):
        print(c, l)

# structseq_new's second argument: the hidden fields by name (a dict, or a subclass of dict)
class D(dict):
    pass
print(os.stat_result((1,) * 10, D(st_atime=2.5, st_blksize=7)).st_atime, os.stat_result((1,) * 10, {"st_blksize": 7}).st_blksize)
print(time.struct_time((0,) * 9, {"tm_zone": "X"}).tm_zone)
try:
    os.stat_result((1,) * 10, None)
except TypeError as e:
    print(e)
