# set.update(iterator) adds each item as the iterator yields it (set_update_internal): when the
# iterator raises midway, the items before stay added (refheap collected them into a list first
# and added none).
def gen():
    yield 1
    yield 2
    raise ValueError('midway')


s = {0}
try:
    s.update(gen())
except ValueError as e:
    print('raised', e)
print(sorted(s))
try:
    set(gen())
except ValueError as e:
    print('raised', e)
fs = frozenset(x * 2 for x in range(5))
print(sorted(fs), sorted(set(range(3))), sorted(set('abc')))
