# is_tracked is False for atomic objects and True for lists, sets, instances, functions and classes.
import gc
class A:
    pass
def f():
    pass
for o in [1, 2.5, 'abc', b'x', None, True, [], set(), A(), f, A, (), {}]:
    print(type(o).__name__, gc.is_tracked(o))
