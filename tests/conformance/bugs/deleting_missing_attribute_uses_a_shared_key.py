# Bug (found by the memory fuzzer): deleting an attribute an instance does not have left the class's shared keys alone; 3.11 adds the name first (using up a usable key), so later names ran out earlier there and instances got dicts refheap did not make.
import gc
gc.freeze(); gc.collect()
class K1:
    def __init__(self, tag):
        self.tag = tag
v2 = K1(2)
for i in range(27):
    x = K1(2000 + i)
try:
    del v2.b
except AttributeError as ex:
    e = type(ex).__name__
for i in range(24):
    x = K1(1000 + i)
    x.me = x
x = None
print(e, gc.collect(1))
