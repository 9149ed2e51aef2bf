# c_void_p's value for NULL is None (refheap read 0), in an instance, an array item and a field.
import ctypes
print(ctypes.c_void_p().value, ctypes.c_void_p(0).value, ctypes.c_void_p(8).value, repr(ctypes.c_void_p()))
print(list((ctypes.c_void_p * 2)(0, 5)))
class S(ctypes.Structure):
    _fields_ = [('p', ctypes.c_void_p)]
print(S().p, S(7).p)
