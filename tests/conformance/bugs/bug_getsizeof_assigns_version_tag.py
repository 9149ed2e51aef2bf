# sys.getsizeof looks __sizeof__ up on the object's class (_PyObject_LookupSpecial), which gives
# the class a valid version tag (Py_TPFLAGS_VALID_VERSION_TAG, bit 19 of __flags__).
import sys
class M:
    __slots__ = ()
m = M()
print(M.__flags__ >> 19 & 1)
sys.getsizeof(m)
print(M.__flags__ >> 19 & 1)
