# __import__'s argument errors: empty name, negative level, non-str fromlist items
for args, kw in [(('',), {}), (('sys',), {'level': -1}), ((5,), {}), (('basicpkg',), {'fromlist': [1]})]:
    try:
        __import__(*args, **kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
