import gc


class A:
    def __init__(self):
        self.b = None

    def __del__(self):
        print("A.__del__")


class B:
    def __init__(self, a):
        self.a = a
        a.b = self


a = A()
b = B(a)
del a, b
unreachable = gc.collect()
print("unreachable:", unreachable, gc.garbage)
