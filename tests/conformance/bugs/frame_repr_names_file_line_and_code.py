# Frame objects print as CPython 3.11's frame_repr: "<frame at ADDR, file 'PATH', line N, code NAME>".
# refheap printed the generic "<frame object at 0x...>" form.
import sys

def show(fr):
    r = repr(fr)
    path = fr.f_code.co_filename
    assert r.startswith('<frame at 0x') and path in r, r
    print(r.split(', ', 1)[1].replace(repr(path), repr(path.rsplit('/', 1)[-1])))

def f():
    return sys._getframe()

def g():
    fr = sys._getframe()
    show(fr)
    return f()

show(sys._getframe())
fr = g()
show(fr)
show(fr.f_back)
try:
    1 / 0
except ZeroDivisionError as e:
    show(e.__traceback__.tb_frame)
