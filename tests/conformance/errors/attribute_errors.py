# AttributeError messages for instances, classes, modules and built-in types.
import sys
class A:
    pass
tries = [
    lambda: A().missing,
    lambda: A.missing,
    lambda: (1).missing,
    lambda: 'abc'.missing,
    lambda: None.missing,
    lambda: [].missing,
    lambda: sys.missing,
]
for t in tries:
    try:
        t()
    except AttributeError as e:
        print(type(e).__name__, e)
try:
    (1).real = 5
except AttributeError as e:
    print(type(e).__name__, e)
