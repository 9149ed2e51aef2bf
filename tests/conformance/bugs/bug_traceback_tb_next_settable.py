# traceback.tb_next is writable (unittest trims its frames so): None or a traceback, never a loop;
# and object.__setattr__(module, "__class__", M) assigns a module subclass.
import sys
def f():
    raise ValueError('x')
def g():
    f()
try:
    g()
except ValueError as e:
    tb = e.__traceback__
print(tb.tb_next is not None, tb.tb_next.tb_next is not None)
second = tb.tb_next
print(sys.getrefcount(second))
for v in [1, tb, second.tb_next]:
    try:
        second.tb_next.tb_next = v
    except Exception as x:
        print(type(x).__name__, x)
try:
    del tb.tb_next
except Exception as x:
    print(type(x).__name__, x)
tb.tb_next = None
print(tb.tb_next, sys.getrefcount(second))
tb.tb_next = second
print(tb.tb_next is second, sys.getrefcount(second))
import types
mod = types.ModuleType('m')
class M(types.ModuleType):
    pass
object.__setattr__(mod, '__class__', M)
print(type(mod).__name__)
