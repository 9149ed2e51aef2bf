import gc, weakref

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("finalizing", self.name)

a = Node("a")
b = Node("b")
a.other = b
b.other = a
probe = weakref.ref(a, lambda r: print("callback: a is gone"))
del a, b
print(gc.collect())
print(probe())
