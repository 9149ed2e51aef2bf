# map and filter are lazy iterators (48 bytes, tracked) holding their function and iterators; an error in the function leaves the iterator usable.
import sys, gc
m = map(str, [1, 2]); f = filter(None, [0, 1, 2, ''])
print(sys.getsizeof(m), sys.getsizeof(f), gc.is_tracked(m), type(m).__name__, type(f).__name__, type(m) is map)
l = [1, 2]; it = iter(l); m2 = map(str, it)
print(type(gc.get_referents(m2)[0]).__name__, [type(x).__name__ for x in gc.get_referents(f)])
print(list(m), list(m), list(f), sys.getrefcount(l))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])), list(filter(lambda x: x % 2, range(7))))
def boom(x):
    if x == 2:
        raise ValueError('two')
    return x
mm = map(boom, [1, 2, 3])
print(next(mm))
try:
    next(mm)
except ValueError as e:
    print('error', e)
print(next(mm))
try:
    map(str)
except TypeError as e:
    print(e)
try:
    filter(None)
except TypeError as e:
    print(e)
try:
    map(str, 5)
except TypeError as e:
    print(e)
print(list(filter(bool, [0, 3])))
