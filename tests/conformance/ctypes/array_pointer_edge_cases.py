# Edge cases of arrays, pointers, buffers and byref: empty arrays, huge lengths, bad indices,
# POINTER(None), NULL-ish arguments, nested pointer and array targets.
import ctypes
tests = [
    lambda: ctypes.c_void_p(None).value,
    lambda: list((ctypes.c_int * 0)()),
    lambda: (ctypes.c_char * 0)().value,
    lambda: ctypes.sizeof(ctypes.c_int * 0),
    lambda: ctypes.c_int * (2**70),
    lambda: (ctypes.c_int * 2**40).__name__,
    lambda: (ctypes.c_int * 3)()[1.5],
    lambda: (ctypes.c_int * 3)()[True],
    lambda: ctypes.POINTER(None).__name__,
    lambda: ctypes.POINTER(ctypes.c_int)(None),
    lambda: ctypes.pointer(ctypes.c_int(1))[1:],
    lambda: ctypes.pointer(ctypes.c_int(1))[::0],
    lambda: ctypes.cast(ctypes.pointer(ctypes.c_int(1)), ctypes.c_void_p).value > 0,
    lambda: ctypes.memmove(None, None, 0),
    lambda: ctypes.memset(None, 0, 0),
    lambda: ctypes.create_string_buffer(-1),
    lambda: ctypes.create_string_buffer(b'a', -1),
    lambda: ctypes.c_char_p(0).value,
    lambda: ctypes.byref(ctypes.c_int(1), 'x'),
    lambda: ctypes.Array.from_address(0),
    lambda: ctypes._Pointer.from_address(0),
    lambda: ctypes.resize((ctypes.c_int * 2)(), 64) or 'resized',
    lambda: type('A', (ctypes.Array,), {'_type_': ctypes.c_int, '_length_': 2**62}),
    lambda: ctypes.ARRAY(ctypes.c_int, 'x'),
    lambda: (ctypes.py_object * 1)()[0],
    lambda: (ctypes.c_int * 2)(*range(2)) == (ctypes.c_int * 2)(0, 1),
    lambda: ctypes.POINTER(ctypes.c_int * 2)((ctypes.c_int * 2)(3, 4)).contents[1],
    lambda: ctypes.pointer(ctypes.pointer(ctypes.c_int(5)))[0][0],
    lambda: ctypes.cast(ctypes.c_char_p(b'ab'), ctypes.POINTER(ctypes.c_char))[1],
]
for i, t in enumerate(tests):
    try:
        r = t()
        print(i, 'ok', r)
    except Exception as e:
        print(i, type(e).__name__, e)
