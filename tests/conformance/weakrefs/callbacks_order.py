# Several weakrefs with callbacks to one object: callbacks run newest first.
import weakref
class A:
    pass
order = []
a = A()
r1 = weakref.ref(a, lambda r: order.append(1))
r2 = weakref.ref(a, lambda r: order.append(2))
r3 = weakref.ref(a, lambda r: order.append(3))
del a
print(order)
