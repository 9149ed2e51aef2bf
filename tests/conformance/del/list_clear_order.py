# A dying list, clear(), del l[:] and l[:] = [] all release the items last to first.
class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
l = [A(1), A(2), A(3)]
print('del l')
del l
m = [A(4), A(5), A(6)]
print('m.clear()')
m.clear()
n = [A(7), A(8), A(9)]
print('del n[:]')
del n[:]
p = [A(10), A(11), A(12)]
print('p[:] = []')
p[:] = []
