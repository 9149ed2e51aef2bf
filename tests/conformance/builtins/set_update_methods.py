# set.difference_update, intersection_update and symmetric_difference_update: in place, any
# number of iterables (one for symmetric_difference_update), the set itself as the argument.
s = {1, 2, 3, 4, 5}
i = id(s)
print(s.difference_update([1], (2,), {9}), s, id(s) == i)
s.difference_update()
print(s)
s.difference_update(s)
print(s, id(s) == i)
t = {1, 2, 3, 4}
print(t.intersection_update([1, 2, 3], {2, 3, 7}), t, id(t) is not None)
t.intersection_update()
print(t)
t.intersection_update(t)
print(t)
u = {1, 2, 3}
print(u.symmetric_difference_update([3, 4, 4]), u)
u.symmetric_difference_update(u)
print(u)
for call in (lambda: set().difference_update(1), lambda: set().intersection_update(None),
             lambda: set().symmetric_difference_update(), lambda: set().symmetric_difference_update(1, 2),
             lambda: {1}.difference_update([[]]), lambda: frozenset().difference_update):
    try:
        print(call())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)


class S(set):
    pass


v = S('abc')
v.difference_update('a')
v.symmetric_difference_update('cd')
v.intersection_update('bd')
print(type(v).__name__, sorted(v))
