# memory_iterator: 64 bytes, tracked, holds the view until exhausted; refuses a released view
import sys, gc
m = memoryview(bytearray(b"\x01\x00\x02\x00")).cast("H")
before = sys.getrefcount(m)
it = iter(m)
print(type(it).__name__, sys.getsizeof(it), gc.is_tracked(it), gc.get_referents(it)[0] is m, sys.getrefcount(m) - before)
print(iter(it) is it, next(it), it.__next__())
try:
    next(it)
except StopIteration:
    print("stop", sys.getrefcount(m) - before, gc.get_referents(it))
it2 = iter(m)
m.release()
try:
    next(it2)
except ValueError as e:
    print("ValueError", e)
try:
    iter(memoryview(bytes(8)).cast("i", [2, 1]))
except NotImplementedError as e:
    print("NotImplementedError", e)
