# sys.unraisablehook: a hook that raises is reported by the default hook; None, a deleted hook and a direct call of sys.__unraisablehook__ write the default report
import sys

class C:
    def __del__(self):
        raise KeyError("del")

def bad(args):
    raise TypeError("the hook fails")
sys.unraisablehook = bad
C()
print("after failing hook")

sys.unraisablehook = None
C()
print("after None")

del sys.unraisablehook
C()
print("after del", hasattr(sys, "unraisablehook"))

calls = []
def chain(args):
    calls.append(args.err_msg)
    sys.__unraisablehook__(args)
sys.unraisablehook = chain
C()
print("after chain", calls)

sys.unraisablehook = sys.__unraisablehook__
try:
    sys.__unraisablehook__(1)
except TypeError as e:
    print("TypeError", e)
try:
    sys.__unraisablehook__()
except TypeError as e:
    print("TypeError", e)
