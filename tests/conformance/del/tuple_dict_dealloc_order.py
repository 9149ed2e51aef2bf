# A dying tuple releases its items last to first; a dying or cleared dict releases them in insertion order.
class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
t = (A(1), A(2), A(3))
print('del t')
del t
d = {'x': A(4), 'y': A(5), 'z': A(6)}
print('del d')
del d
d2 = {'x': A(7), 'y': A(8)}
print('d2.clear()')
d2.clear()
