# sys._getframe and frame attributes: f_code, f_back chain, f_lineno, f_locals, f_globals, f_builtins
import sys
def outer():
    return inner(5)
def inner(n):
    x = n * 2
    fr = sys._getframe()
    back = sys._getframe(1)
    print(fr.f_code.co_name, fr.f_back.f_code.co_name, back is fr.f_back, fr.f_lineno, back.f_lineno)
    print(sorted(fr.f_locals), fr.f_locals["x"], fr.f_globals is globals(), fr.f_builtins is back.f_builtins)
    print([fr.f_code.co_name, fr.f_back.f_code.co_name, fr.f_back.f_back.f_code.co_name])
    return type(fr).__name__
print(outer())
print(sys._getframe().f_code.co_name)
try:
    sys._getframe(50)
except ValueError as e:
    print("ValueError:", e)
def gen():
    yield sys._getframe().f_back.f_code.co_name
g = gen()
print(next(g), g.gi_frame.f_back)
def keep():
    return sys._getframe()
done = keep()
print(done.f_code.co_name, done.f_lineno, sorted(done.f_locals))
