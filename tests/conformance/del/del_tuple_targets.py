# del a, b deletes left to right, running each finalizer as its last reference goes.
class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
a, b, c = A(1), A(2), A(3)
del a, b
print('between')
del c
