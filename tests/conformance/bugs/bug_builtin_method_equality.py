# Two accesses of one builtin method make two objects that compare equal (meth_richcompare: the
# same __self__ and the same C function) and hash alike; another self, or another method, differs.
l = []
a, b = l.append, l.append
print(a is b, a == b, a != b, hash(a) == hash(b), a == [].append, a == l.extend, l.append in [l.append])
d = {}
print(d.get == d.get, len == len, len == abs, {l.append: 1}[l.append])
import math
print(math.sqrt == math.sqrt, math.sqrt == math.floor)
