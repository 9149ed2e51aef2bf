# Methods accessed on the class are plain functions; on an instance they are bound methods holding self.
class A:
    def m(self, k):
        return k * 2
a = A()
print(type(A.m).__name__, type(a.m).__name__)
print(A.m(a, 3), a.m(3))
bm = a.m
print(bm.__self__ is a, bm.__func__ is A.m)
