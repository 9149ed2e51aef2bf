# Raising something that is not an exception is itself a TypeError.
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise ValueError
except ValueError as e:
    print(type(e).__name__, repr(e), e.args)
