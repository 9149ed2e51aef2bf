# Failed attribute lookups: 300,000 each of a caught LOAD_ATTR AttributeError (which now records
# name and obj), a caught LOAD_METHOD one, getattr() with a default and hasattr() (which make none).
class P:
    x = 1


def run(n):
    p = P()
    caught = 0
    for i in range(n):
        try:
            p.missing
        except AttributeError:
            caught += 1
        try:
            p.missing()
        except AttributeError:
            caught += 1
        if getattr(p, 'missing', None) is None and not hasattr(p, 'missing'):
            caught += 1
    return caught


print('caught', run(300000))
