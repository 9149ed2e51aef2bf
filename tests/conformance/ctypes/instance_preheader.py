# Words before an instance: the GC head at id-16/id-8 and the managed-dict slots at id-32/id-24.
import ctypes
class A:
    pass
a = A()
a.x = 1
def word(addr):
    return ctypes.c_ssize_t.from_address(addr).value
print(word(id(a) - 24))
d = a.__dict__
print(word(id(a) - 24) == id(d))
print(word(id(a) - 16) != 0)
