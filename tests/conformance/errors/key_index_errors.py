# KeyError shows the repr of the key; IndexError messages differ by type and operation.
d = {'a': 1}
for k in ['missing', 42, (1, 2), '']:
    try:
        d[k]
    except KeyError as e:
        print('KeyError', e, e.args)
tries = [
    lambda: [1][5],
    lambda: (1,)[5],
    lambda: 'abc'[10],
    lambda: [].pop(),
    lambda: [1].pop(7),
    lambda: {}.popitem(),
    lambda: set().pop(),
]
for t in tries:
    try:
        t()
    except (IndexError, KeyError) as e:
        print(type(e).__name__, e)
