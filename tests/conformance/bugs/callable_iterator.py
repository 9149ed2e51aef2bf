# iter(callable, sentinel): the callable_iterator type with CPython 3.11's layout (getsizeof 48, tracked, referents callable then sentinel), ended by the sentinel or StopIteration, which drop both
import sys, gc
gc.collect()
n = [0]
def counter():
    n[0] += 1
    return n[0]
sentinel = 4
it = iter(counter, sentinel)
print(type(it).__name__, sys.getsizeof(it), gc.is_tracked(it))
print(gc.get_referents(it) == [counter, sentinel])
before = sys.getrefcount(counter)
print(list(it), next(it, 'done'), n[0])
print(sys.getrefcount(counter) - before, gc.get_referents(it))
def stopper():
    n[0] += 1
    if n[0] > 7:
        raise StopIteration
    return n[0]
print(list(iter(stopper, None)))
class Eq:
    def __eq__(self, other):
        print('Eq.__eq__', other)
        return other == 9
print(list(iter(counter, Eq())))
def failing():
    raise KeyError('inner')
try:
    for x in iter(failing, 1):
        pass
except KeyError as e:
    print('KeyError', e)
try:
    iter(1, 2)
except TypeError as e:
    print(e)
class Node:
    pass
def make():
    node = Node()
    node.it = iter(lambda: node, None)
make()
print(gc.collect())
data = ['x', 'y', '', 'z']
for line in iter(lambda: data.pop(0), ''):
    print(line)
print(data)
