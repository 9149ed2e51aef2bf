# The word after ob_refcnt is ob_type: it equals id(type(x)).
import ctypes
class A:
    pass
for o in [[], {}, (1, 2), 'abc', 12345678, 2.5, A(), None]:
    print(type(o).__name__, ctypes.c_long.from_address(id(o) + 8).value == id(type(o)))
