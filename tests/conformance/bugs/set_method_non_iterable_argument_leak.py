# set.issubset(1), set.difference_update(1)... made a temporary set for the argument and leaked
# it when iterating the argument failed (found by --gc-stress's exact refcount check).
for call in (lambda: {1}.issubset(1), lambda: {1}.difference_update(1), lambda: {1}.symmetric_difference_update([[]]),
             lambda: {1}.union([2], 3), lambda: frozenset({1}).isdisjoint(None)):
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)
