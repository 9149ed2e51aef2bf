# get_referents returns what tp_traverse visits: lists and tuples backwards, dicts keyed by str only values.
import gc
print(gc.get_referents([1, 'a', 2.5]))
print(gc.get_referents((1, [2], 'x')))
print(gc.get_referents({'k': 'v', 'j': 3}))
print(gc.get_referents({1: 'one', 2: 'two'}))
print(gc.get_referents(1, 'abc', None))
print(gc.get_referents([1], (2,)))
class A:
    pass
a = A()
a.x = 10
a.y = 'why'
r = gc.get_referents(a)
print(r[:-1], r[-1] is A)
