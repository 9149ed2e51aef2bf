# A weakref proxy forwards next() (proxy_iternext, refused for a referent that is no iterator),
# operator.index (nb_index), bytes() and reversed() (proxy_methods) to its referent.
import weakref, operator
arr = [4, 5, 6]
def iterator_func():
    yield from arr
it = iterator_func()
class IteratesWeakly:
    def __iter__(self):
        return weakref.proxy(it)
print(list(IteratesWeakly()))
not_an_iterator = lambda: 0
class A:
    def __iter__(self):
        return weakref.proxy(not_an_iterator)
try:
    list(A())
except TypeError as e:
    print('TypeError', e)
class C:
    def __index__(self):
        return 10
    def __bytes__(self):
        return b'bytes'
    def __len__(self):
        return 3
    def __reversed__(self):
        return iter('cba')
o = C()
p = weakref.proxy(o)
print(operator.index(p), bytes(p), ''.join(reversed(p)), '__bytes__' in dir(p))
class L(list):
    pass
arr = L([4, 5, 6])
print(list(iter(weakref.proxy(arr))))
l = L([1, 2, 3])
print(list(reversed(weakref.proxy(l))))
try:
    next(weakref.proxy(l))
except TypeError as e:
    print('TypeError', e)
try:
    operator.index(weakref.proxy(l))
except TypeError as e:
    print('TypeError', e)
