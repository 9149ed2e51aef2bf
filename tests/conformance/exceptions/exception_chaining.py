# Raising inside a handler sets __context__; `raise ... from` sets __cause__ and suppresses the context.
try:
    try:
        raise KeyError('first')
    except KeyError:
        raise ValueError('second')
except ValueError as e:
    print(type(e.__context__).__name__, e.__context__, e.__cause__, e.__suppress_context__)
try:
    try:
        raise KeyError('first')
    except KeyError as k:
        raise ValueError('third') from k
except ValueError as e:
    print(type(e.__cause__).__name__, e.__suppress_context__)
try:
    try:
        raise KeyError('first')
    except KeyError:
        raise ValueError('fourth') from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
