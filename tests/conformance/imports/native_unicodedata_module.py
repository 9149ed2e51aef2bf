# The unicodedata module's shape: its attributes in CPython's order, unidata_version, the UCD type
# (a heap type whose instances cannot be made), ucd_3_2_0 (a GC-tracked UCD with the functions as
# bound methods), the _ucnhash_CAPI capsule, and their sizes and reference counts.
import gc
import sys
import unicodedata

print([k for k in vars(unicodedata) if k not in ('__file__', '__loader__', '__spec__')])
print(unicodedata.unidata_version, unicodedata.ucd_3_2_0.unidata_version)
U = unicodedata.UCD
print(U.__name__, U.__module__, U.__qualname__, U.__flags__ & (1 << 9) != 0, U.__flags__ & (1 << 10) != 0,
      U.__flags__ & (1 << 14) != 0, U.__basicsize__, U.__itemsize__)
print(type(unicodedata.ucd_3_2_0) is U, sys.getsizeof(unicodedata.ucd_3_2_0), gc.is_tracked(unicodedata.ucd_3_2_0),
      sys.getrefcount(unicodedata.ucd_3_2_0), sys.getrefcount(U) > 2)
print(type(U.__dict__['unidata_version']).__name__, sorted(k for k in vars(U) if not k.startswith('__')))
try:
    U()
except TypeError as e:
    print('TypeError', e)
try:
    unicodedata.ucd_3_2_0.unidata_version = 'x'
except AttributeError as e:
    print('AttributeError', e)
try:
    unicodedata.ucd_3_2_0.other = 1
except AttributeError as e:
    print('AttributeError', e)
print(type(unicodedata.name).__name__, unicodedata.name.__self__ is unicodedata, unicodedata.name.__qualname__,
      unicodedata.ucd_3_2_0.name.__self__ is unicodedata.ucd_3_2_0, unicodedata.ucd_3_2_0.name.__qualname__,
      U.name(unicodedata.ucd_3_2_0, 'a'))
c = unicodedata._ucnhash_CAPI
print(type(c).__name__, type(c).__module__, sys.getsizeof(c), gc.is_tracked(c), repr(c).split(' at ')[0])
for f in (unicodedata.category, unicodedata.ucd_3_2_0.category, unicodedata.name, unicodedata.ucd_3_2_0.name):
    for args, kw in (((), {}), (('a',), {'x': 1})):
        try:
            f(*args, **kw)
        except TypeError as e:
            print('TypeError', e)
