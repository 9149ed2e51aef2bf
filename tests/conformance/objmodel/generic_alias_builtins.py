# the builtin containers make GenericAliases; other builtins are not subscriptable
for t in (list, dict, tuple, set, frozenset, type):
    print(repr(t[int]))
for t in (int, str, float, bytes, object):
    try:
        t[int]
    except TypeError as e:
        print(e)
