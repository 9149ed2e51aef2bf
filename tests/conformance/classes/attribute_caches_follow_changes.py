# Attribute and global lookups that refheap caches per instruction (as CPython 3.11 specializes
# them) must see every change: class attributes added, replaced or deleted, instance attributes
# that shadow methods, a materialized __dict__, globals that appear or vanish, builtins shadowed.
import sys

class A:
    def __init__(self, v):
        self.v = v
    def m(self):
        return 'method'

def read_v(o):
    return o.v

def call_m(o):
    return o.m()

def set_v(o, x):
    o.v = x

a = A(1)
for i in range(3):
    print(read_v(a), call_m(a))

# An instance attribute shadows the method from now on.
a.m = lambda: 'instance'
print(call_m(a), call_m(A(2)))
del a.m
print(call_m(a))

# A property on the class takes over the instance's value.
c = A(3)
A.v = property(lambda self: 'property')
print(read_v(a), read_v(c))
del A.v
print(read_v(a))

# A plain class attribute does not hide the instance's value; a missing instance value falls back to it.
A.v = 'class'
print(read_v(a))
b = A(0)
del b.v
print(read_v(b))
del A.v

# The method replaced on the class.
A.m = lambda self: 'replaced'
print(call_m(a))

# __dict__ materialized: stores and loads go through the dict.
d = a.__dict__
set_v(a, 10)
print(read_v(a), d['v'])
d['v'] = 11
print(read_v(a))

# Stores into new instances, then reads.
objs = [A(i) for i in range(3)]
for o in objs:
    set_v(o, o.v * 2)
print([read_v(o) for o in objs], sys.getrefcount(objs[0]))

# Subclass with its own attribute layout.
class B(A):
    def __init__(self):
        self.w = 'w'
        self.v = 'bv'
for o in (A(5), B(), A(6)):
    print(read_v(o), call_m(o))

# Globals: appear, disappear, shadow a builtin.
def use_len():
    return len('abc')
def use_g():
    return g
print(use_len())
len = lambda s: 'shadowed'
print(use_len())
del len
print(use_len())
try:
    use_g()
except NameError as e:
    print(e)
g = 'now'
print(use_g())
del g
try:
    use_g()
except NameError as e:
    print(e)
