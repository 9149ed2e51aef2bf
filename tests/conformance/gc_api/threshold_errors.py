# set_threshold argument errors: too many, too few, wrong types, keywords.
import gc
tries = [
    lambda: gc.set_threshold(1, 2, 3, 4),
    lambda: gc.set_threshold(),
    lambda: gc.set_threshold('a'),
    lambda: gc.set_threshold(1.5),
    lambda: gc.set_threshold(threshold0=5),
    lambda: gc.set_threshold(2 ** 40),
]
for t in tries:
    try:
        t()
        print('no error', gc.get_threshold())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(gc.get_threshold())
