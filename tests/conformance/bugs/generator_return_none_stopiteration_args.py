# A generator returning None raises StopIteration() with no arguments (refheap gave it (None,)).
def g():
    return
    yield
try:
    g().send(None)
except StopIteration as e:
    print(e.args, e.value)
def h():
    return 0
    yield
try:
    h().send(None)
except StopIteration as e:
    print(e.args, e.value)
