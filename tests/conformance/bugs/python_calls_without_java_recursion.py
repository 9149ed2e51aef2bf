# Python-to-Python calls run in the interpreter's loop without Java recursion and reuse released frames:
# 20,000 nested calls under a raised recursion limit (3.11's Python calls use no C stack either), the limit's
# RecursionError at CPython's depth, exceptions unwinding through nested calls (tracebacks, lines, finally,
# __context__), frames kept by sys._getframe while later calls of the same code run, generators and
# class instantiation in between.
import sys

sys.setrecursionlimit(25000)
def down(n):
    if n == 0:
        return sys._getframe(2).f_code.co_name, sys._getframe(1).f_lineno
    return down(n - 1)
print(down(20000))
sys.setrecursionlimit(1000)

def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth(0) > 900)

def inner():
    try:
        1 / 0
    finally:
        print("inner finally")
def middle():
    try:
        inner()
    except ZeroDivisionError as e:
        tb = e.__traceback__
        names = []
        while tb:
            names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        print(names)
        raise ValueError("again")
def outer():
    try:
        middle()
    except ValueError as e:
        print(type(e.__context__).__name__, e, e.__traceback__.tb_next.tb_lineno)
outer()

saved = []
def keep(x):
    y = x * 2
    saved.append(sys._getframe())
    return y
print(keep(1), keep(2), keep(3))
print([(f.f_locals['x'], f.f_locals['y'], f.f_lineno) for f in saved])
del saved

def gen(n):
    for i in range(n):
        yield square(i)
def square(v):
    return v * v
def total(n):
    return sum(gen(n)) + sum(square(i) for i in range(n))
print(total(10))

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = scale(y)
def scale(v):
    return v * 10
def make_points(n):
    return [Point(i, i) for i in range(n)]
print([p.y for p in make_points(4)])

def ret_arg(a, b=2, *rest, key=None, **kw):
    return a, b, rest, key, kw
print(ret_arg(1), ret_arg(1, 3, 4, 5, key=6, z=7))
obj = object()
def holds(o):
    return sys.getrefcount(o)
print(holds(obj) - sys.getrefcount(obj))

def raises_late(n):
    if n == 0:
        raise KeyError('bottom')
    return raises_late(n - 1)
try:
    raises_late(50)
except KeyError as e:
    tb = e.__traceback__
    count = 0
    while tb:
        count += 1
        tb = tb.tb_next
    print('frames in traceback', count)
