# ctypes: from_address takes any address a C void* holds (OverflowError past it), values must be ints, refcounts raised through ctypes can be lowered back
import ctypes

def attempt(what, f):
    try:
        r = f()
        print(what, "->", "ok" if r is None else type(r).__name__)
    except Exception as e:
        print(what, "->", type(e).__name__, e)

attempt("from_address(2**64)", lambda: ctypes.c_long.from_address(2**64))
attempt("from_address(2**70)", lambda: ctypes.c_long.from_address(2**70))
attempt("from_address(-2**63-1)", lambda: ctypes.c_long.from_address(-2**63 - 1))
attempt("from_address(2**63)", lambda: ctypes.c_long.from_address(2**63))
attempt("from_address(2**64-1)", lambda: ctypes.c_long.from_address(2**64 - 1))
attempt("from_address(-1)", lambda: ctypes.c_long.from_address(-1))
attempt("from_address(1.5)", lambda: ctypes.c_long.from_address(1.5))
attempt("from_address('x')", lambda: ctypes.c_long.from_address('x'))
attempt("c_long(1.5)", lambda: ctypes.c_long(1.5))
attempt("c_long('a')", lambda: ctypes.c_long('a'))
attempt("c_long(None)", lambda: ctypes.c_long(None))
attempt("c_long(1, 2)", lambda: ctypes.c_long(1, 2))
c = ctypes.c_long(1)
for v in [1.5, 'a', None]:
    attempt("value = " + repr(v), lambda: setattr(c, 'value', v))
for v in [2**64 + 5, -1, True]:
    c.value = v
    print("value =", v, "->", c.value)
print(ctypes.c_long(2**64 + 5).value, ctypes.c_int(2**40).value, ctypes.c_ubyte(-1).value)

x = [1, 2, 3]
r = ctypes.c_long.from_address(id(x))
before = r.value
r.value += 1
raised = r.value - before
r.value -= 1
print(raised, r.value - before, x)
