# _testcapi.ContainerNoGC: a non-GC object holding one reference it does not traverse, so the
# collector cannot see what it holds. A weakref that is itself trash is cleared before the
# garbage is torn down, even when its referent is hidden behind such an object (bpo-38006).
import gc, sys, weakref
import _testcapi

ContainerNoGC = _testcapi.ContainerNoGC
gc.collect()
v = []
c = ContainerNoGC(v)
print(type(c).__name__, type(c).__module__, c.value is v, sys.getrefcount(v), sys.getsizeof(c), gc.is_tracked(c))
print(gc.get_referents(c), ContainerNoGC.__flags__, ContainerNoGC.__base__)
del c
print(sys.getrefcount(v))
print(ContainerNoGC(value=5).value)
for f in (lambda: ContainerNoGC(), lambda: ContainerNoGC(1, 2), lambda: ContainerNoGC(1, v=2), lambda: ContainerNoGC(value=1, v=2),
          lambda: ContainerNoGC(v=1), lambda: weakref.ref(ContainerNoGC(1)), lambda: setattr(ContainerNoGC(1), 'value', 2),
          lambda: setattr(ContainerNoGC(1), 'x', 2)):
    try:
        f()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

# a list inside the container is not found by the collector through it: its own cycle survives a
# collection while the container holds it
inner = []
inner.append(inner)
holder = ContainerNoGC(inner)
del inner
print(gc.collect(), len(holder.value))
del holder
print(gc.collect())

calls = []
class A:
    __slots__ = ['a', 'y', 'wz']
class Z:
    pass
a = A()
a.a = a
a.y = ContainerNoGC(Z())
a.wz = weakref.ref(a.y.value, calls.append)
wr_cycle = [a.wz]
wr_cycle.append(wr_cycle)
gc.collect()
gc.disable()
del a, wr_cycle
print(gc.collect(), calls)
gc.enable()
