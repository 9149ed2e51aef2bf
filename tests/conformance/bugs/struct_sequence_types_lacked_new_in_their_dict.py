# A struct sequence type's dict starts with __new__ (tp_new's builtin method, as PyType_Ready's
# add_operators puts it there), but for sys.flags and sys.version_info, whose tp_new CPython clears
import os, sys, time, gc
for t in (os.stat_result, time.struct_time, os.terminal_size, type(sys.float_info), type(sys.int_info),
          type(sys.flags), type(sys.version_info)):
    d = t.__dict__
    print(t.__name__, list(d)[:3], type(d.get('__new__')).__name__, gc.is_tracked(d.get('__new__')))
print(os.terminal_size.__new__(os.terminal_size, (80, 24)))
print(time.struct_time.__new__(time.struct_time, (2020, 1, 2, 3, 4, 5, 6, 7, 0)).tm_yday)
try:
    os.terminal_size.__new__(int, (1, 2))
except TypeError as e:
    print(e)
