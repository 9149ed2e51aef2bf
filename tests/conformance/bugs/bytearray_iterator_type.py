# bug: iter(bytearray()) was a list_iterator (CPython: bytearray_iterator)
import sys, gc
b = bytearray(b'ab')
it = iter(b)
print(type(it).__name__, sys.getsizeof(it), gc.is_tracked(it), gc.get_referents(it) == [b])
print(next(it), list(it), type(iter(b'')).__name__)
