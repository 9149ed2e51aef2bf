# Built-in ints, strs, tuples, lists and dicts cannot be weakly referenced; instances and functions can.
import weakref
def f():
    pass
class A:
    pass
for o in [1, 'abc', (1, 2), [1], {'a': 1}, None]:
    try:
        weakref.ref(o)
        print(type(o).__name__, 'ok')
    except TypeError as e:
        print(type(o).__name__, type(e).__name__, e)
print(weakref.ref(f)() is f, weakref.ref(A)() is A, weakref.ref(A())() is None)
