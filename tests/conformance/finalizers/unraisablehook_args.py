# sys.unraisablehook: the hook a program sets gets an UnraisableHookArgs for an error in __del__ (layout, fields, refcount, tracking)
import sys, gc

seen = []
def hook(args):
    seen.append((type(args).__name__, len(args), sys.getsizeof(args), sys.getrefcount(args), gc.is_tracked(args),
                 args.exc_type is KeyError, type(args.exc_value).__name__, args.exc_value.args,
                 args.exc_traceback is args.exc_value.__traceback__, args.err_msg, args.object is C.__del__,
                 args[0] is args.exc_type, args[4] is args.object))
    seen.append(repr(args).startswith("UnraisableHookArgs(exc_type=<class 'KeyError'>, exc_value=KeyError(1), exc_traceback=<traceback object at "))

class C:
    def __del__(self):
        raise KeyError(1)

print(sys.unraisablehook is sys.__unraisablehook__, sys.unraisablehook)
old = sys.unraisablehook
sys.unraisablehook = hook
c = C()
del c
sys.unraisablehook = old
for s in seen:
    print(s)
T = None
print(sys.unraisablehook is sys.__unraisablehook__)

# the type: a struct sequence of five named fields
def grab(args):
    global T
    T = type(args)
sys.unraisablehook = grab
C()
sys.unraisablehook = sys.__unraisablehook__
print(T.__name__, T.__module__, T.__mro__[1:], T.n_fields, T.n_sequence_fields, T.n_unnamed_fields)
try:
    T(1)
except TypeError as e:
    print("TypeError", e)
a = T((ValueError, ValueError("v"), None, "msg", None))
print(a.err_msg, a.exc_type, gc.is_tracked(a), sys.getsizeof(a))
