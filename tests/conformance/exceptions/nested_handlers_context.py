# An exception raised in a finally block replaces the one that was propagating and keeps it as __context__.
def f():
    try:
        raise KeyError('original')
    finally:
        raise ValueError('from finally')
try:
    f()
except ValueError as e:
    print(type(e).__name__, e, '| context:', type(e.__context__).__name__, e.__context__)
