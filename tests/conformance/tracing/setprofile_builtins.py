# sys.setprofile: 'call'/'return' for Python frames, 'c_call'/'c_return' around builtin functions
# and methods of builtin types (arg: the builtin, bound to its object as CPython binds a method
# descriptor), 'c_exception' when one raises; a type call or a builtin called from C (sorted's
# key) gives no event; no 'line' events; the frame's line and gc counts around
import sys, gc

def name(arg):
    if arg is None or isinstance(arg, (int, str)):
        return arg
    return getattr(arg, '__qualname__', type(arg).__name__)

def p(frame, ev, arg):
    print(ev, frame.f_code.co_name, frame.f_lineno, name(arg))

def f(xs):
    xs.append(len(xs))
    return max(xs)

def g():
    yield 1

sys.setprofile(p)
lst = [3]
f(lst)
sorted([2, -1], key=abs)
list(g())
try:
    int('x')
except ValueError:
    pass
try:
    divmod(1, 0)
except ZeroDivisionError:
    pass
d = {}
d.get('k')
str.upper('a')
sys.setprofile(None)
print(sys.getprofile())
print(lst)
# CALL_FUNCTION_EX of builtins: reported the same way
sys.setprofile(p)
args = ([5, 4],)
max(*args)
list.append(*([],), 1)
sys.setprofile(None)
