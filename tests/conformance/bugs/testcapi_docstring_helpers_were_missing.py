# _testcapi's docstring helpers (docstring_no_signature, docstring_with_signature_with_defaults...)
# and its the_number_three were missing, which inspect's signature tests read.
import _testcapi, inspect
for n in sorted(n for n in dir(_testcapi) if n.startswith('docstring')):
    f = getattr(_testcapi, n)
    print(n, repr(f.__doc__), repr(f.__text_signature__), f(), f.__module__, f.__qualname__)
    try:
        f(1)
    except TypeError as e:
        print(e)
    try:
        print(inspect.signature(f))
    except ValueError as e:
        print('ValueError', e)
print(inspect.getfullargspec(_testcapi.docstring_with_signature_with_defaults).defaults)
