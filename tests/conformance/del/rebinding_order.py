# Rebinding a name frees the old object only after the new value has been built.
class A:
    def __init__(self, n):
        self.n = n
        print('new', n)
    def __del__(self):
        print('del', self.n)
x = A(1)
x = A(2)
x = None
print('end')
