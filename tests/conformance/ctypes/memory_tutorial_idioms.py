# The idioms memory tutorials bring, printed as differences, bools and sizes (no addresses):
# an int's bytes through a c_ubyte array, its header through c_ssize_t arrays and pointers, a
# PyObject Structure behind a pointer, string buffers, memmove and memset, c_char_p.
import ctypes, sys
x = 257
raw = (ctypes.c_ubyte * sys.getsizeof(x)).from_address(id(x))
print(len(raw), bytes(raw)[8:16] == id(int).to_bytes(8, 'little'), list(raw)[16:24], list(raw)[24:28])
arr = (ctypes.c_ssize_t * 3).from_address(id(x))
print(arr[0] == sys.getrefcount(x) - 1, len(arr), arr[1] == id(int), arr[2])
p = ctypes.cast(id(x), ctypes.POINTER(ctypes.c_ssize_t))
print(p[0] == arr[0], p.contents.value == p[0], p[2])
class PyObject(ctypes.Structure):
    _fields_ = [('ob_refcnt', ctypes.c_ssize_t), ('ob_type', ctypes.c_void_p)]
o = PyObject.from_address(id(x))
pp = ctypes.pointer(o)
print(pp.contents.ob_refcnt == o.ob_refcnt, pp.contents.ob_type == id(int), pp._objects['1'] is o)
class PyVarObject(PyObject):
    _fields_ = [('ob_size', ctypes.c_ssize_t)]
lst = [1, 2, 3]
v = PyVarObject.from_address(id(lst))
print(v.ob_size, v.ob_type == id(list), ctypes.sizeof(PyVarObject))
items = ctypes.cast(ctypes.c_void_p.from_address(id(lst) + 24).value, ctypes.POINTER(ctypes.py_object))
print(items[0], items[2], [items[i] for i in range(len(lst))])
buf = ctypes.create_string_buffer(b'hi', 8)
print(buf.raw, buf.value, ctypes.sizeof(buf))
ctypes.memmove(buf, b'abc', 3)
ctypes.memset(buf, 0, 2)
print(buf.raw, buf.value)
s = ctypes.c_char_p(b'text')
print(s.value)
t = (1.5, 'a')
titems = (ctypes.py_object * 2).from_address(id(t) + 24)
print(titems[0], titems[1], list(titems))
