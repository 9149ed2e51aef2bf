# Calling a class packs the arguments into a tuple (and keywords into a dict, unpacked again for __init__): each argument has those references inside __init__, and the temporaries move count0.
import sys, gc
d = object()
class A:
    def __init__(self, x, y=d):
        print(sys.getrefcount(x), sys.getrefcount(y))
o = object()
p = object()
A(o)
A(o, y=p)
A(o, p)
a = A(o)
def f(x, y=d):
    print(sys.getrefcount(x), sys.getrefcount(y))
f(o, y=p)
gc.disable()
class Node:
    def __init__(self, n):
        self.n = n
class Empty:
    pass
gc.collect()
c = [0] * 10
c[0] = gc.get_count()[0]
Node(1); c[1] = gc.get_count()[0]
Node(2); c[2] = gc.get_count()[0]
x = Node(3); c[3] = gc.get_count()[0]
y = Empty(); c[4] = gc.get_count()[0]
z = Node(n=4); c[5] = gc.get_count()[0]
w = Node(n=5); c[6] = gc.get_count()[0]
print([c[i] - c[i - 1] for i in range(1, 7)])
