# The types CPython does not let a class extend (no Py_TPFLAGS_BASETYPE) are refused with its
# TypeError, and two builtin layouts that do not extend each other conflict.
for base in (bool, type(None), range, slice, type(lambda: 0), type(len)):
    try:
        class S(base):
            pass
    except TypeError as e:
        print(base.__name__, "->", e)

try:
    class Both(classmethod, property):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Meta(type, property):
        pass
except TypeError as e:
    print("TypeError:", e)
