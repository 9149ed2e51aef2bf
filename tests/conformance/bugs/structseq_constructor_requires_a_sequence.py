# a struct sequence type called with something not iterable says "constructor requires a sequence" (PySequence_Fast), not iter()'s message
import os, time
for t in (os.stat_result, time.struct_time):
    try:
        t(1)
    except TypeError as e:
        print(t.__name__, e)
try:
    time.struct_time(None)
except TypeError as e:
    print(e)
def g():
    yield 1
    raise ValueError("from the iterable")
try:
    os.stat_result(g())
except ValueError as e:
    print("ValueError", e)
